// The schema of intents/check/eligibility-check.yaml: the questions of the 制度診断 and how each answer
// narrows the programs (see the comment at the top of that file).
import { z } from "zod";
import { AUDIENCES, CATEGORIES } from "../../knowledge/schema.js";

const slug = z.string().regex(/^[a-z][a-z0-9-]*$/, "must be lower-case letters, digits and hyphens");
const phrase = z.string().trim().min(1, "must not be empty");

export const CheckOption = z.strictObject({
  id: slug,
  /** Shown on the button: at most 20 characters (LINE quick replies). */
  label: phrase.max(20),
  /** What a typed answer may say for this option (besides its label). */
  words: z.array(phrase).default([]),
  /** Words that, in a program's name or eligibility text, make it match this option. */
  entryWords: z.array(phrase).default([]),
  /** The option does not match a program whose name or eligibility has one of these and none of entryWords. */
  unlessWords: z.array(phrase).default([]),
  audiences: z.array(z.enum(AUDIENCES)).default([]),
  categories: z.array(z.enum(CATEGORIES)).default([]),
  /** Programs of these municipalities (the municipality question, built from the knowledge). */
  municipalities: z.array(phrase).default([]),
  /** Keeps every program (「当てはまらない」). */
  any: z.boolean().default(false),
  reason: z.string(),
});
export type CheckOption = z.infer<typeof CheckOption>;

export const CheckStep = z.strictObject({
  id: slug,
  /** A short name for the step, used in 「家族を変える」 and in the summary of answers. */
  label: phrase.max(8),
  question: phrase,
  multiple: z.boolean().default(false),
  /** Ask this step only when the named earlier step was answered with one of these options. */
  askIf: z.record(slug, z.array(slug)).optional(),
  options: z.array(CheckOption).min(2),
});
export type CheckStep = z.infer<typeof CheckStep>;

export const CheckFile = z.strictObject({ steps: z.array(CheckStep).min(1) });
export type CheckDefinition = z.infer<typeof CheckFile>;

export const LifeEventsFile = z.array(z.strictObject({ category: z.enum(CATEGORIES), words: z.array(phrase).min(1) }));
export type LifeEvents = z.infer<typeof LifeEventsFile>;
