// Loads the dialogue's data directory (intents/): one intent per top-level *.yaml, the 制度診断 in
// check/, the filler words, life events and asked units in lexicon/. Returns all of it or throws one error naming
// every problem (file and field), like the knowledge loader.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import type { z } from "zod";
import {
  AskedUnitsFile,
  FillersFile,
  IntentDefinition,
  INTENT_IDS,
  type AskedUnits,
  type Fillers,
} from "./intent-schema.js";
import { CheckFile, LifeEventsFile, type CheckDefinition, type LifeEvents } from "../check/check-schema.js";

export interface DialogueData {
  intents: IntentDefinition[];
  fillers: Fillers;
  lifeEvents: LifeEvents;
  askedUnits: AskedUnits;
  check: CheckDefinition;
}

export class DialogueDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} problem(s) in the dialogue data:\n${problems.join("\n")}`);
    this.name = "DialogueDataError";
  }
}

export async function loadDialogueData(dir: string): Promise<DialogueData> {
  const problems: string[] = [];
  const read = <T>(file: string, schema: z.ZodType<T>) => readValidated(join(dir, file), schema, problems);
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  const intents = (await Promise.all(names.map((n) => read(n, IntentDefinition)))).filter((i) => i !== undefined);
  const fillers = await read("lexicon/fillers.yaml", FillersFile);
  const lifeEvents = await read("lexicon/life-events.yaml", LifeEventsFile);
  const askedUnits = await read("lexicon/asked-units.yaml", AskedUnitsFile);
  const check = await read("check/eligibility-check.yaml", CheckFile);
  problems.push(...intentSetProblems(intents));
  if (problems.length > 0 || !fillers || !lifeEvents || !askedUnits || !check) throw new DialogueDataError(problems);
  return { intents, fillers, lifeEvents, askedUnits, check };
}

async function readValidated<T>(file: string, schema: z.ZodType<T>, problems: string[]): Promise<T | undefined> {
  let data: unknown;
  try {
    data = parse(await readFile(file, "utf8"));
  } catch (e) {
    problems.push(`${file}: ${(e as Error).message.split("\n")[0]}`);
    return undefined;
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues)
    problems.push(`${file}: ${issue.path.join(".") || "(top)"}: ${issue.message}`);
  return undefined;
}

/** Every intent exactly once; no example message under two intents. */
function intentSetProblems(intents: IntentDefinition[]): string[] {
  const problems: string[] = [];
  const seen = new Set(intents.map((i) => i.id));
  for (const id of INTENT_IDS) if (!seen.has(id)) problems.push(`intents: no file defines the intent "${id}"`);
  const ids = intents.map((i) => i.id);
  for (const id of new Set(ids))
    if (ids.filter((x) => x === id).length > 1) problems.push(`intents: "${id}" is defined twice`);
  const owner = new Map<string, string>();
  for (const intent of intents) {
    for (const example of intent.examples) {
      const other = owner.get(example);
      if (other && other !== intent.id)
        problems.push(`intents: example "${example}" is under both ${other} and ${intent.id}`);
      owner.set(example, intent.id);
    }
  }
  return problems;
}
