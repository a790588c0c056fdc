import { defineConfig } from "vitest/config";

// Browser tests drive Debian's chromium through playwright-core; .ci/run installs it.
export default defineConfig({
  test: { include: ["test/browser/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false },
});
