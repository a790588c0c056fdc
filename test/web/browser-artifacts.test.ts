// The browser tests (npm run test:browser, which needs Chromium) must not rewrite tracked files: every
// screenshot or PDF they take goes through support/artifacts.ts into the git-ignored test-artifacts/.
// Read statically here so the default suite catches a capture written anywhere else.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { artifact } from "../browser/support/artifacts.js";

const DIR = "test/browser";
const files = readdirSync(DIR, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".ts"))
  .map((f) => join(DIR, f));

it.each(files)("%s writes captures only through artifact()", (file) => {
  const text = readFileSync(file, "utf8");
  const captures = [...text.matchAll(/\.(?:screenshot|pdf)\(\{([^}]*)\}/gu)].map((m) => m[1]!);
  for (const options of captures) {
    const path = /path:\s*([^,]+)/u.exec(options)?.[1]?.trim();
    if (path !== undefined) expect(path, `${file}: ${options}`).toMatch(/^artifact\("[^"/]+"\)$/u);
  }
});

it("puts an artifact under test-artifacts/ and refuses a path", () => {
  expect(artifact("front-desk.png")).toBe(join("test-artifacts", "front-desk.png"));
  expect(() => artifact("../docs/screenshot.png")).toThrow();
});

it("test-artifacts/ is git-ignored", () => {
  expect(readFileSync(".gitignore", "utf8").split("\n")).toContain("test-artifacts/");
});
