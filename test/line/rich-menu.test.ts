// The rich menu: its definition, the image drawn from its labels, and `madoguchi line richmenu` against the fake.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inflateSync } from "node:zlib";
import { PassThrough } from "node:stream";
import { FakeLinePlatform } from "../fakes/line-platform.js";
import { ALL_LIFE_EVENTS, LIFE_EVENTS } from "../../src/channels/line/life-events.js";
import {
  RICH_MENU_SIZE,
  richMenuRequest,
  richMenuTiles,
} from "../../src/channels/line/rich-menu/rich-menu-definition.js";
import { renderRichMenuImage } from "../../src/channels/line/rich-menu/rich-menu-image.js";
import { missingGlyphs } from "../../src/channels/line/rich-menu/raster.js";
import { decodePostbackAction } from "../../src/channels/line/postback-action.js";
import { main } from "../../src/cli/run.js";

const TOKEN = "rich-menu-token";
let platform: FakeLinePlatform;
let png: Buffer;

beforeAll(async () => {
  platform = await FakeLinePlatform.start({ channelAccessToken: TOKEN });
  png = renderRichMenuImage();
});
afterAll(async () => {
  await platform.close();
});

/** Decodes our own PNGs (8-bit RGB, filter 0 on every row) back to pixels. */
function decodePng(file: Buffer): { width: number; height: number; pixel(x: number, y: number): number[] } {
  const width = file.readUInt32BE(16);
  const height = file.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    if (file.toString("ascii", at + 4, at + 8) === "IDAT") idat.push(file.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 3 + 1;
  return { width, height, pixel: (x, y) => [...raw.subarray(y * stride + 1 + x * 3, y * stride + 4 + x * 3)] };
}

async function cli(args: string[], env: Record<string, string>) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on("data", (c: Buffer) => out.push(c.toString()));
  stderr.on("data", (c: Buffer) => err.push(c.toString()));
  const code = await main(args, { stdin: new PassThrough(), stdout, stderr, env });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

describe("rich menu definition", () => {
  it("has one tile per life event, covering the menu exactly, each sending that event's postback", () => {
    const request = richMenuRequest();
    expect(request.size).toEqual({ width: 2500, height: 1686 });
    const areas = request.areas!;
    expect(areas.map((a) => a.action!.label)).toEqual(["子育て", "移住", "仕事", "高齢", "制度診断", "職員に相談"]);
    expect(areas.map((a) => decodePostbackAction((a.action as { data: string }).data))).toEqual(
      LIFE_EVENTS.map((e) => e.action),
    );
    expect(areas.reduce((sum, a) => sum + a.bounds!.width! * a.bounds!.height!, 0)).toBe(2500 * 1686);
    for (const a of areas) {
      expect(a.bounds!.x! + a.bounds!.width!).toBeLessThanOrEqual(2500);
      expect(a.bounds!.y! + a.bounds!.height!).toBeLessThanOrEqual(1686);
    }
  });

  it("has a glyph for every character of every label and caption", () => {
    expect(missingGlyphs(ALL_LIFE_EVENTS.map((e) => e.label + e.caption).join(""))).toEqual([]);
    expect(missingGlyphs("税金")).toEqual(["税", "金"]);
  });
});

describe("rich menu image", () => {
  it("is a 2500×1686 PNG under LINE's 1 MB limit", () => {
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(png.length).toBeLessThan(1024 * 1024);
    const image = decodePng(png);
    expect([image.width, image.height]).toEqual([RICH_MENU_SIZE.width, RICH_MENU_SIZE.height]);
  });

  it("paints each tile in its colour with dark label text across its middle", () => {
    const image = decodePng(png);
    for (const tile of richMenuTiles()) {
      expect(image.pixel(tile.x + 30, tile.y + 30)).toEqual([...tile.color]);
      const y = Math.round(tile.y + tile.height * 0.52 - 60); // inside the label's glyphs
      let dark = 0;
      for (let x = tile.x; x < tile.x + tile.width; x++) if (image.pixel(x, y).every((c) => c < 100)) dark++;
      expect(dark, tile.label).toBeGreaterThan(20);
    }
  });
});

describe("madoguchi line richmenu", () => {
  const env = { LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: "" };

  it("registers the menu with its image as the default, and replaces it when run again", async () => {
    env.LINE_API_BASE_URL = platform.baseUrl;
    const first = await cli(["line", "richmenu"], env);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const [menu] = [...platform.richMenus.values()];
    expect(first.stdout).toContain(menu!.richMenuId);
    expect(platform.defaultRichMenuId).toBe(menu!.richMenuId);
    expect(menu!.image!.bytes.equals(png)).toBe(true);
    const second = await cli(["line", "richmenu"], env);
    expect(second.code).toBe(0);
    expect(platform.richMenus.size).toBe(1);
    expect(platform.defaultRichMenuId).not.toBe(menu!.richMenuId);
    expect(second.stdout).toContain(`deleted the earlier ${menu!.richMenuId}`);
  });

  it("offers a city's account only topics it has programs for (伊万里市 has no 高齢・介護 program)", async () => {
    const result = await cli(["line", "richmenu", "--dry-run", "--municipality", "伊万里市"], {
      LINE_API_BASE_URL: platform.baseUrl,
    });
    expect(result.code).toBe(0);
    const labels = (JSON.parse(result.stdout) as { areas: { action: { label: string } }[] }).areas.map(
      (a) => a.action.label,
    );
    expect(labels).toEqual(["子育て", "移住", "仕事", "就農", "制度診断", "職員に相談"]);
    const iizuka = await cli(["line", "richmenu", "--dry-run", "--municipality", "飯塚市"], {
      LINE_API_BASE_URL: platform.baseUrl,
    });
    expect(JSON.parse(iizuka.stdout).areas.map((a: { action: { label: string } }) => a.action.label)).toContain("高齢");
  });

  it("--dry-run prints the definition and calls nothing", async () => {
    const calls = platform.calls.length;
    const result = await cli(["line", "richmenu", "--dry-run"], { LINE_API_BASE_URL: platform.baseUrl });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(richMenuRequest());
    expect(platform.calls.length).toBe(calls);
  });

  it("refuses to run without a token, and names the variable", async () => {
    const result = await cli(["line", "richmenu"], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("LINE_CHANNEL_ACCESS_TOKEN");
  });
});
