import { describe, expect, it } from "vitest";
import { resolve } from "node:path";
import { BUNDLED_KNOWLEDGE, ConfigError, readServerConfig } from "../../src/config/server-config.js";

describe("readServerConfig", () => {
  it("defaults to 127.0.0.1:3000, the bundled knowledge, a 1 MiB body cap and watching on", () => {
    const c = readServerConfig({});
    expect(c).toMatchObject({
      host: "127.0.0.1",
      port: 3000,
      knowledgeDir: BUNDLED_KNOWLEDGE,
      bodyLimit: 1048576,
      watchKnowledge: true,
      logLevel: "info",
      municipality: undefined,
    });
    expect(BUNDLED_KNOWLEDGE).toBe(resolve("knowledge"));
  });

  it("reads the environment it is given, and flags override it", () => {
    const env = {
      HOST: "0.0.0.0",
      PORT: "8080",
      MADOGUCHI_KNOWLEDGE: "/tmp/k",
      MADOGUCHI_MUNICIPALITY: " 伊万里市 ",
      MADOGUCHI_WATCH: "off",
      LOG_LEVEL: "WARN",
      PUBLIC_URL: "https://bot.example.jp/",
    };
    expect(readServerConfig(env)).toMatchObject({
      host: "0.0.0.0",
      port: 8080,
      knowledgeDir: "/tmp/k",
      municipality: "伊万里市",
      watchKnowledge: false,
      logLevel: "warn",
      publicUrl: "https://bot.example.jp",
    });
    expect(readServerConfig(env, { port: "0", host: "127.0.0.1" })).toMatchObject({ port: 0, host: "127.0.0.1" });
  });

  it.each([
    [{ PORT: "http" }, /^PORT: must be a whole number from 0 to 65535$/],
    [{ PORT: "70000" }, /^PORT:/],
    [{ MADOGUCHI_BODY_LIMIT: "1.5" }, /^MADOGUCHI_BODY_LIMIT:/],
    [{ MADOGUCHI_WATCH: "maybe" }, /^MADOGUCHI_WATCH: must be on or off/],
    [{ LOG_LEVEL: "loud" }, /^LOG_LEVEL: must be one of/],
  ])("names the variable when %o is unusable", (env, message) => {
    expect(() => readServerConfig(env)).toThrow(ConfigError);
    expect(() => readServerConfig(env)).toThrow(message);
  });
});
