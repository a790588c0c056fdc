// knowledge/synonyms.yaml: the words residents use ↔ the words municipal documents use. A list of groups:
//   - words: [妊活, にんかつ]        # what people say (matched in questions)
//     means: [不妊治療, 不妊]        # what documents write (searched for instead, a little less strongly)
//   - same: [創業, 起業, 開業]       # interchangeable words: each one also searches for the others
// General vocabulary only: never a rule written for one question or one program.
import { z } from "zod";
import { readYamlList } from "./yaml-file.js";
import type { Problem } from "./problems.js";

const word = z.string().trim().min(1, "must not be empty").max(40, "is too long for a word (40 characters at most)");
const words = z.array(word).min(1, "needs at least one word");

/** One object with optional keys and a check of which go together, so each mistake gets its own message. */
export const SynonymGroup = z
  .strictObject({
    words: words.optional(),
    means: words.optional(),
    same: z.array(word).min(2, "needs at least two words").optional(),
  })
  .superRefine((g, ctx) => {
    const oneWay = g.words !== undefined || g.means !== undefined;
    if (oneWay && g.same !== undefined) {
      ctx.addIssue({ code: "custom", message: "must be either words + means or same, not both" });
    } else if (oneWay && (g.words === undefined || g.means === undefined)) {
      const missing = g.words === undefined ? "words" : "means";
      ctx.addIssue({
        code: "custom",
        path: [missing],
        message: "is required: words (what residents say) go with means (what documents write)",
      });
    } else if (!oneWay && g.same === undefined) {
      ctx.addIssue({
        code: "custom",
        message: "must be either words + means (one way) or same (interchangeable words)",
      });
    }
  });
export type SynonymGroup = z.infer<typeof SynonymGroup>;
export const SynonymsFile = z.array(SynonymGroup);

/** Reads and validates a synonyms file; problems name the file, line and field (as `madoguchi check` prints). */
export async function readSynonymsFile(
  file: string,
  label = file,
): Promise<{ groups: SynonymGroup[]; problems: Problem[] }> {
  const { entries, problems } = await readYamlList(file, label, SynonymsFile);
  return { groups: entries, problems };
}
