// The page's category and audience counts follow the municipality chosen: /api/categories' counts per
// municipality, as the page's facet-counts.js picks them (the same module the browser loads).
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../server/support/test-server.js";
// @ts-expect-error the page's own plain JavaScript module, without types
import { countsFor } from "../../src/channels/web/public/js/facet-counts.js";
import type { FacetsResponse } from "../../src/channels/web/api/categories-route.js";

type Counts = { categories: { name: string; programs: number }[]; audiences: { name: string; programs: number }[] };
const counts = countsFor as (f: FacetsResponse, m: string, chosen?: { category?: string; audience?: string }) => Counts;

let t: TestServer;
let facets: FacetsResponse;
beforeAll(async () => {
  t = await startTestServer();
  facets = (await t.getJson<FacetsResponse>("/api/categories")).body;
});
afterAll(async () => {
  await t.close();
});

it("counts each category and audience within the municipality chosen", () => {
  const kb = t.server.services.knowledge();
  for (const m of ["伊万里市", "飯塚市"]) {
    const own = kb.programs.filter((p) => p.municipality === m);
    const shown = counts(facets, m);
    for (const c of shown.categories)
      expect(c.programs, `${m} ${c.name}`).toBe(own.filter((p) => p.categories?.includes(c.name as never)).length);
    for (const a of shown.audiences)
      expect(a.programs, `${m} ${a.name}`).toBe(own.filter((p) => p.audiences?.includes(a.name as never)).length);
    expect(shown.categories.every((c) => c.programs > 0)).toBe(true);
  }
  // 伊万里市 has no 高齢・介護 program: not offered there, offered for 飯塚市 and for every municipality
  expect(counts(facets, "伊万里市").categories.map((c) => c.name)).not.toContain("高齢・介護");
  expect(counts(facets, "飯塚市").categories.map((c) => c.name)).toContain("高齢・介護");
  expect(counts(facets, "").categories).toEqual(facets.categories);
});

it("keeps a category already chosen, with 0件, when the new municipality has none", () => {
  const shown = counts(facets, "伊万里市", { category: "高齢・介護" });
  expect(shown.categories.find((c) => c.name === "高齢・介護")).toEqual({ name: "高齢・介護", programs: 0 });
  const order = facets.categories.map((c) => c.name);
  const names = shown.categories.map((c) => c.name);
  expect([...names].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(names);
});
