// The synonyms file's everyday words find the words an FAQ's procedures are named by (knowledge/synonyms.yaml),
// over the 北沢町 FAQ of test/fixtures/heldout (its questions are not used here). Each row's entry comes first,
// and each row failed on the file before its words were added.
import { beforeAll, describe, expect, it } from "vitest";
import { openSearch } from "../../src/search/open-search.js";
import type { SearchIndex } from "../../src/search/search-index.js";

let index: SearchIndex;
beforeAll(async () => {
  ({ index } = await openSearch({ knowledgeDir: "test/fixtures/heldout/faq-village" }));
});

type Row = [question: string, entry: string];

function expectFirst([question, entry]: Row) {
  const { noMatch, results } = index.search(question);
  expect(noMatch, `${question}: noMatch`).toBe(false);
  expect(results[0]?.name, `${question} → ${results.map((r) => r.name).join(" | ")}`).toBe(entry);
}

describe("everyday words → the words of procedures", () => {
  it.each<Row>([
    // 亡くなる → 死亡 (the FAQ writes 死亡届, 死亡したとき): "no match" before
    ["祖父が亡くなったときの届け出", "死亡届、おくやみ窓口"],
    // ワンちゃん, にゃんこ → 犬, 猫: "no match" before
    ["ワンちゃんを飼い始めたので登録したい", "犬の登録について"],
    ["にゃんこが飼えなくなった", "犬・猫を飼えなくなったとき、迷い犬"],
    // 実印 (the seal one registers) → 印鑑, 印鑑登録: "no match" before
    ["実印を作ったので登録したい", "印鑑登録について"],
    // 引き落とし → 口座振替, 軽トラ → 軽自動車, ペイペイ → スマホ決済: not first before
    ["住民税を引き落としで払いたい", "口座振替の申込み"],
    ["軽トラの税金", "軽自動車税について"],
    ["ペイペイで町税を払いたい", "スマホ決済での町税の納付"],
    // the shop's name → コンビニ, and through Sudachi's spellings of it → コンビニエンスストア, as the answer
    // writes where the bags are sold (query-groups.ts spellingsOf)
    ["ファミマでごみ袋は売ってる？", "指定ごみ袋の種類と価格、販売場所について"],
    // タンス, ベッド → 粗大ごみ: the computer entry (処分) came first before
    ["古いタンスを処分したい", "粗大ごみの出し方"],
    ["ベッドを捨てたい", "粗大ごみの出し方"],
  ])("%s → %s", (...row) => expectFirst(row));
});
