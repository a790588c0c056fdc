// The person asked for a member of staff. Where one can take over on this channel (a staff desk is
// configured and reachable), the reply says so and sets `handoff` for the channel to pass it on. Where
// nobody can, no promise is made: the reply names the department that handles what was being discussed
// (else the city office) and how to reach it — the knowledge holds no phone numbers, so none is given.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { Program } from "../../knowledge/schema.js";
import { reply, type Reply } from "../reply/reply.js";
import { generalContact } from "./scope.js";

/** At most this many departments are named for a list (more reads as a phone book, not an answer). */
const DEPARTMENTS_NAMED = 3;

export function handoffAnswer(
  kb: KnowledgeBase,
  scope: string | null,
  staffReachable: boolean,
  about: Program[] = [],
): Reply {
  if (staffReachable) {
    const text = `担当の職員に引き継ぎます。職員からの返信をお待ちください。お急ぎの場合は${generalContact(kb, scope)}にお問い合わせください。`;
    return reply("handoff", text, { handoff: true });
  }
  const lead = "申し訳ありません。この窓口からは職員におつなぎできません。";
  const offices = departmentsOf(about);
  const text =
    offices.length > 0
      ? `${lead}${offices.join("、")}に、お電話か窓口で直接お問い合わせください（開庁時間内）。`
      : `${lead}${generalContact(kb, scope)}の担当課に、お電話か窓口で直接お問い合わせください（開庁時間内）。制度の名前を書いていただければ、担当課をお調べします。`;
  return reply("handoff", text);
}

/** 「伊万里市の健康づくり課」 for each distinct department of the programs, in order. */
function departmentsOf(programs: Program[]): string[] {
  const seen = new Set<string>();
  for (const p of programs) {
    for (const d of [p.department].flat()) seen.add(`${p.municipality}の${d}`);
  }
  return [...seen].slice(0, DEPARTMENTS_NAMED);
}
