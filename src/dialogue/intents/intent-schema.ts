// The schema of intents/*.yaml. The set of intent ids is fixed here because the engine has one behaviour
// per intent; what a resident writes to express each is data.
import { z } from "zod";

export const INTENT_IDS = [
  "find",
  "amount",
  "eligibility",
  "apply",
  "contact",
  "period",
  "detail",
  "browse",
  "greeting",
  "thanks",
  "help",
  "handoff",
  "check",
  "reset",
] as const;
export type IntentId = (typeof INTENT_IDS)[number];

/** The aspects of a program a follow-up can ask about, and the intent that asks about each. */
export const ASPECTS = ["amount", "eligibility", "apply", "contact", "period", "detail"] as const;
export type Aspect = (typeof ASPECTS)[number];

export function aspectOf(intent: IntentId): Aspect | undefined {
  return (ASPECTS as readonly string[]).includes(intent) ? (intent as Aspect) : undefined;
}

const phrase = z.string().trim().min(1, "must not be empty");

export const IntentDefinition = z.strictObject({
  id: z.enum(INTENT_IDS),
  description: phrase,
  /** Higher wins when cues of several intents occur in one message. */
  precedence: z.number().int().min(0).max(100),
  /** The intent holds only when the message says nothing else (「こんにちは、移住の支援は？」 is a question). */
  alone: z.boolean().default(false),
  cues: z.array(phrase).min(1),
  examples: z.array(phrase).min(3, "needs at least 3 example messages"),
});
export type IntentDefinition = z.infer<typeof IntentDefinition>;

export const FillersFile = z.strictObject({
  references: z.array(phrase),
  questionWords: z.array(phrase),
  politeness: z.array(phrase),
  /** Saying where one lives (「飯塚市に住んでいます」) names a scope, not a topic. */
  residence: z.array(phrase),
  /**
   * Words for programs in general: a message of the default intent with one asks for programs
   * (「高齢者向けの制度は？」), not about the program on show.
   */
  programWords: z.array(phrase).default([]),
});
export type Fillers = z.infer<typeof FillersFile>;

/** A question word that asks for a number (「何時」), and the units a passage answering it writes (「17時」). */
export const AskedUnitsFile = z.array(z.strictObject({ asks: z.array(phrase).min(1), units: z.array(phrase).min(1) }));
export type AskedUnits = z.infer<typeof AskedUnitsFile>;
