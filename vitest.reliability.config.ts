import { defineConfig } from "vitest/config";

// Reliability tests: the real server under bounded load with fake LINE/Slack APIs on 127.0.0.1.
export default defineConfig({
  test: {
    include: ["test/reliability/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
