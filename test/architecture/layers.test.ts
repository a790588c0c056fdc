// src/ flows util, config → knowledge → text → search → dialogue → shared-state → channels → server → cli:
// each layer imports only from its own and those to its left, and the LINE and Slack SDKs only under
// src/channels/. The rule runs over every file of the real tree, and over synthetic files to show it fails.
import { describe, expect, it } from "vitest";
import { importSpecifiers, layerViolations, readSourceTree } from "./import-layers.js";

describe("the layers of src/", () => {
  it("has no import from a layer to the right, and no platform SDK outside the channels", () => {
    const files = readSourceTree("src");
    expect(Object.keys(files).length).toBeGreaterThan(100);
    expect(layerViolations(files)).toEqual([]);
  });

  it.each([
    [
      "search/index-shard.ts",
      'import { answer } from "../dialogue/answer/faq-answer.js";',
      "search imports from dialogue",
    ],
    ["knowledge/load.ts", 'import type { Env } from "../server/config.js";', "knowledge imports from server"],
    [
      "shared-state/redis-rate-buckets.ts",
      'export { RateRule } from "../server/rate-limit/rate-limit-config.js";',
      "shared-state imports from server",
    ],
    [
      "channels/line/index.ts",
      'const { startServer } = await import("../../server/start-server.js");',
      "channels imports from server",
    ],
    ["dialogue/engine/turn.ts", 'import { messagingApi } from "@line/bot-sdk";', "platform SDKs"],
    ["server/start-server.ts", 'import { App } from "@slack/bolt";', "platform SDKs"],
    ["util/keyed-serial.ts", 'import "../config/server-config.js";', "util imports from config"],
    ["text/normalize.ts", 'import x from "../../bench/x.js";', "outside src/"],
    ["stray.ts", "export const x = 1;", "no layer"],
  ])("fails on %s importing upward or outside (%s)", (file, source, reason) => {
    const violations = layerViolations({ [file]: source });
    expect(violations).toHaveLength(1);
    expect(violations[0]!.reason).toContain(reason);
  });

  it("lets a layer import from itself and from those to its left", () => {
    const files = {
      "server/start-server.ts":
        'import { webChannel } from "../channels/web/index.js";\nimport type { Env } from "../config/server-config.js";',
      "channels/slack/slack-channel.ts":
        'import { App } from "@slack/bolt";\nimport { KeyedSerial } from "../../util/keyed-serial.js";',
      "search/open-search.ts":
        'import { loadKnowledgeOrThrow } from "../knowledge/load.js";\nimport { SearchIndex } from "./search-index.js";',
    };
    expect(layerViolations(files)).toEqual([]);
  });

  it("reads imports across lines, type-only imports and re-exports", () => {
    const source =
      'import {\n  a,\n  b,\n} from "./a.js";\nimport type { T } from "../t.js";\nexport * from "./e.js";\nconst m = await import("./m.js");';
    expect(importSpecifiers(source).sort()).toEqual(["../t.js", "./a.js", "./e.js", "./m.js"]);
  });
});
