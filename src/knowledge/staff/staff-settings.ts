// knowledge/staff/settings.yaml: how the city wants staff information aged, kept with the knowledge so every
// replica, the command line and the check agree. Optional; every field has a default.
//   factMaxAgeMonths: 12   # a fact confirmed longer ago is shown as old and listed for re-confirmation
import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { z } from "zod";
import type { Problem } from "../problems.js";
import { issueMessage, valueAt } from "../issue-messages.js";

export const STAFF_SETTINGS_FILE = "staff/settings.yaml";

export const StaffSettings = z.strictObject({
  factMaxAgeMonths: z
    .number()
    .int("must be a whole number of months")
    .min(1, "must be at least 1")
    .max(120, "must be at most 120")
    .default(12),
});
export type StaffSettings = z.infer<typeof StaffSettings>;

export const DEFAULT_STAFF_SETTINGS: StaffSettings = { factMaxAgeMonths: 12 };

export async function readStaffSettings(
  path: string,
  label: string,
): Promise<{ settings: StaffSettings; problems: Problem[] }> {
  let data: unknown;
  try {
    data = parse(await readFile(path, "utf8")) ?? {};
  } catch (e) {
    return {
      settings: DEFAULT_STAFF_SETTINGS,
      problems: [{ file: label, message: `YAML syntax: ${(e as Error).message.split("\n")[0]}` }],
    };
  }
  const r = StaffSettings.safeParse(data);
  if (r.success) return { settings: r.data, problems: [] };
  return {
    settings: DEFAULT_STAFF_SETTINGS,
    problems: r.error.issues.map((i) => ({
      file: label,
      field: i.code === "unrecognized_keys" ? i.keys.join(".") : i.path.join("."),
      message: i.code === "unrecognized_keys" ? "unknown field" : issueMessage(i, valueAt(data, i.path)),
    })),
  };
}
