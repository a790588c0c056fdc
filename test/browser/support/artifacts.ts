// Where browser tests put what they capture: test-artifacts/ (git-ignored), never a tracked file. The
// README's docs/screenshot.png is refreshed by hand from test-artifacts/front-desk.png when the page changes.
import { mkdirSync } from "node:fs";
import { join } from "node:path";

export const ARTIFACTS_DIR = "test-artifacts";

/** The path of a capture named `name` (e.g. "front-desk.png") under test-artifacts/, which is made if missing. */
export function artifact(name: string): string {
  if (name.includes("/") || name.includes("\\") || name.startsWith("."))
    throw new Error(`an artifact name, not a path: ${name}`);
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}
