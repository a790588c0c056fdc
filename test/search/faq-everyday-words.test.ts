// The synonyms file's everyday words find the words an FAQ's procedures are named by (knowledge/synonyms.yaml),
// over the 北沢町 FAQ of test/fixtures/heldout (its questions are not used here).
import { beforeAll, describe, expect, it } from "vitest";
import { openSearch } from "../../src/search/open-search.js";
import type { SearchIndex } from "../../src/search/search-index.js";

let index: SearchIndex;
beforeAll(async () => {
  ({ index } = await openSearch({ knowledgeDir: "test/fixtures/heldout/faq-village" }));
});

describe("life events named by the everyday verb", () => {
  // 亡くなる → 死亡: this was "no match" (the FAQ writes 死亡届, 死亡したとき)
  it.each([["祖父が亡くなったときの届け出", "死亡届、おくやみ窓口"]])("%s → %s", (question, name) => {
    const { noMatch, results } = index.search(question);
    expect(noMatch).toBe(false);
    expect(results[0]?.name).toBe(name);
  });
});

describe("everyday words for pets", () => {
  // ワンちゃん, にゃんこ → 犬, 猫: both were "no match"
  it.each([
    ["ワンちゃんを飼い始めたので登録したい", "犬の登録について"],
    ["にゃんこが飼えなくなった", "犬・猫を飼えなくなったとき、迷い犬"],
  ])("%s → %s", (question, name) => {
    const { noMatch, results } = index.search(question);
    expect(noMatch).toBe(false);
    expect(results[0]?.name).toBe(name);
  });
});

describe("everyday words for a procedure's thing", () => {
  // 実印 (the seal one registers) → 印鑑, 印鑑登録: this was "no match"
  // 引き落とし → 口座振替, 軽トラ → 軽自動車, ペイペイ → スマホ決済: none came first before
  it.each([
    ["実印を作ったので登録したい", "印鑑登録について"],
    ["住民税を引き落としで払いたい", "口座振替の申込み"],
    ["軽トラの税金", "軽自動車税について"],
    ["ペイペイで町税を払いたい", "スマホ決済での町税の納付"],
    // the shop's name → コンビニエンスストア, as the answer writes where the bags are sold
    ["ファミマでごみ袋は売ってる？", "指定ごみ袋の種類と価格、販売場所について"],
  ])("%s → %s", (question, name) => {
    const { noMatch, results } = index.search(question);
    expect(noMatch).toBe(false);
    expect(results[0]?.name).toBe(name);
  });
});

describe("things a resident throws away, by what they are", () => {
  // タンス, ベッド → 粗大ごみ: the computer entry (処分) came first before
  it.each([
    ["古いタンスを処分したい", "粗大ごみの出し方"],
    ["ベッドを捨てたい", "粗大ごみの出し方"],
  ])("%s → %s", (question, name) => {
    expect(index.search(question).results[0]?.name).toBe(name);
  });
});
