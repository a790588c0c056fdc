// The search over the real knowledge, one table per mechanism. Each row is a resident's or staff member's
// question and the program a person would point to. One tokenizer and one index for the whole file.
import { beforeAll, describe, expect, it } from "vitest";
import { openSearch } from "../../src/search/open-search.js";
import type { SearchIndex, SearchOptions } from "../../src/search/search-index.js";
import { MODEL } from "../../src/search/model.js";

let index: SearchIndex;
beforeAll(async () => {
  ({ index } = await openSearch({ knowledgeDir: "knowledge" }));
});

type Row = [question: string, scope: string | null, oneOf: string[]];

/** The first result is one of the expected programs. */
function expectFirst([question, scope, oneOf]: Row) {
  const { noMatch, results } = index.search(question, { municipality: scope });
  expect(noMatch, `${question}: noMatch`).toBe(false);
  expect(oneOf, `${question} → ${results.map((r) => r.name).join(" | ")}`).toContain(results[0]?.name);
}

describe("normalization: width, case, long vowels", () => {
  it.each<Row>([
    ["ﾌｧﾐﾘｰｻﾎﾟｰﾄ", "飯塚市", ["ファミリーサポートセンター事業"]],
    ["ｺﾐｭﾆﾃｨﾊﾞｽ", "伊万里市", ["コミュニティバス等運行事業"]],
    [
      "ＧＩＧＡスクール",
      "伊万里市",
      [
        "小学校パソコン管理事業（小学校GIGAスクール構想環境整備事業）",
        "中学校パソコン管理事業（中学校GIGAスクール構想環境整備事業）",
      ],
    ],
    ["ﾌﾚｲﾙ予防", "飯塚市", ["健幸フレイル予防事業"]],
    ["スポーツ合宿　誘致", null, ["スポーツ合宿誘致事業"]],
    ["エリアワゴン〜", null, ["エリアワゴン運行事業"]],
  ])("%s", (...row) => expectFirst(row));
});

describe("readings: hiragana finds kanji and katakana", () => {
  it.each<Row>([
    ["ふにんちりょう", null, ["不妊治療エンゼルサポート事業"]],
    ["がくどうほいく", "伊万里市", ["留守家庭児童クラブ管理運営事業"]],
    ["じんつうたくしー", null, ["陣痛タクシー事業"]],
    ["こどものいりょうひ", "伊万里市", ["子どもの医療費助成事業"]],
    ["しょうがいじほいく", "伊万里市", ["障害児保育促進事業"]],
    ["よやくのりあいたくしー", null, ["予約乗合タクシー運行事業"]],
    ["さんごけあ", "飯塚市", ["産後ケア事業"]],
    ["子供の医療費", "飯塚市", ["子ども医療費助成事業"]], // 子供 / 子ども meet by reading
  ])("%s", (...row) => expectFirst(row));
});

describe("readings of compounds kuromoji splits (noun + suffix): hiragana finds them whole", () => {
  it.each<Row>([
    // 認知+症 (にんちしよう) was read as 認知 + 使用; 相談+会 as 相談 + 段階.
    ["にんちしょうさぽーたーようせいこうざ", "飯塚市", ["認知症サポーター養成事業"]],
    ["かんこうけんはどこで使える", "伊万里市", ["市内周遊観光券発行支援事業"]],
    // What a learnt word leaves of one unknown kuromoji token (じ|ょうかそうをつけたいんだけど) is read again.
    ["じょうかそうをつけたいんだけど", "飯塚市", ["浄化槽設置整備事業"]],
  ])("%s", (...row) => expectFirst(row));
});

describe("typos of the synonyms file's words (three characters or more, one character off)", () => {
  it.each<Row>([
    ["学堂保育に入れたい", "伊万里市", ["留守家庭児童クラブ管理運営事業"]],
    ["ファミサボに登録したい", "飯塚市", ["ファミリーサポートセンター事業"]],
  ])("%s", (...row) => expectFirst(row));
});

describe("synonyms: everyday words find the documents' words", () => {
  it.each<Row>([
    ["妊活の助成", "伊万里市", ["不妊治療エンゼルサポート事業"]],
    ["学童に入れたい", "伊万里市", ["留守家庭児童クラブ管理運営事業"]],
    ["ファミサポ", "伊万里市", ["子育てファミリーサポートセンター運営事業"]],
    ["家のリフォームに補助はある？", "飯塚市", ["住宅改修補助事業"]],
    ["3人目が生まれたらお祝い金がもらえる？", "飯塚市", ["未来の地域人財応援事業"]],
    [
      "起業したい",
      "飯塚市",
      ["新規創業者等支援事業", "新産業創出支援センター(トライバレーセンター)管理運営事業", "新産業創出支援事業"],
    ],
    ["結婚相手を探したい", null, ["婚活推進事業"]],
    ["お年寄りの介護予防", "飯塚市", ["健幸フレイル予防事業", "地域包括支援センター運営事業"]],
    // a clinic's department is a visit to a doctor (皮膚科 → 医療): this was "no match"
    ["子どもが皮膚科にかかったときの自己負担は？", "伊万里市", ["子どもの医療費助成事業"]],
  ])("%s", (...row) => expectFirst(row));
});

describe("general synonyms (Sudachi) of a compound kuromoji reads as several words", () => {
  // 映画館 is 映画 + 館 to kuromoji and 生産品 is 生産 + 品: looked up whole, the general dictionary has them
  // (映画館 ~ 劇場, 生産品 ~ 製品), and the program's name shows the resident's word.
  it.each<[question: string, scope: string, program: string, word: string]>([
    ["映画館の保存", "飯塚市", "嘉徳劇場保存整備事業", "映画館"],
    ["生産品の開発", "飯塚市", "新技術・新製品開発補助金交付事業", "生産品"],
  ])("%s", (question, scope, program, word) => {
    const { results } = index.search(question, { municipality: scope });
    expect(results[0]?.name, `${question} → ${results.map((r) => r.name).join(" | ")}`).toBe(program);
    expect(results[0]?.matched).toContainEqual({ term: word, field: "name", expanded: true });
  });
});

describe("synonyms: a generic word beside the everyday one does not push the programs it means off the list", () => {
  // 引っ越す → 移住・定住 found as a synonym weighs about as much as 補助 found as typed: a housing subsidy that
  // names 定住 may come first, the relocation programs must be on the first three.
  it.each<Row>([["引っ越してくる人への補助", "飯塚市", ["移住支援事業", "筑豊地域外からの移住者住宅取得奨励事業"]]])(
    "%s",
    (question, scope, all) => {
      const { results } = index.search(question, { municipality: scope });
      const first = results.slice(0, 3).map((r) => r.name);
      for (const name of all) expect(first, `${question} → ${first.join(" | ")}`).toContain(name);
    },
  );
});

describe("character bigrams: misspellings and words kuromoji does not know", () => {
  it.each<Row>([
    ["ファミリーサポト", "飯塚市", ["ファミリーサポートセンター事業"]],
    ["トライバレー", null, ["新産業創出支援センター(トライバレーセンター)管理運営事業"]],
    ["エンゼルサポート", null, ["不妊治療エンゼルサポート事業"]],
    ["いまりんバス", "伊万里市", ["コミュニティバス等運行事業"]],
  ])("%s", (...row) => expectFirst(row));
});

describe("numbers with their counter: a detail of the question an entry may share", () => {
  it.each<[string, string]>([
    ["第2子の保育料はどうなる？", "第2子"],
    ["65歳以上の親の介護", "65歳"],
  ])("%s: %s is a word of the question, counted as background", (question, label) => {
    const concept = index.explain(question).concepts.find((c) => c.label === label);
    expect(concept?.weight).toBe(MODEL.words.background);
  });

  it.each<Row>([["第3子が生まれたらお祝いはある？", "飯塚市", ["未来の地域人財応援事業"]]])("%s", (...row) =>
    expectFirst(row),
  );
});

describe("no match: nothing in the knowledge answers these", () => {
  it.each<[string, string | null]>([
    ["粗大ごみの出し方", null],
    ["戸籍謄本の取り方", null],
    ["火葬場の予約", "飯塚市"],
    ["印鑑登録のやり方", null],
    ["犬の登録と狂犬病の予防注射", "飯塚市"],
    ["こんにちは", null],
    ["ありがとう", "伊万里市"],
    ["教えてください", null],
    ["？？？", null],
    ["", null],
  ])("%s", (question, scope) => {
    const { noMatch, results } = index.search(question, { municipality: scope });
    expect({ noMatch, results }, `${question} → ${results.map((r) => r.name).join(" | ")}`).toEqual({
      noMatch: true,
      results: [],
    });
  });
});

describe("aspects: what a program's record answers, and what it does not hold", () => {
  // An entry that names the topic but not an aspect no record holds does not answer; one lacking an aspect
  // every record answers (how to join) still does.
  it("固定資産税の支払いについて: the factory program that mentions 固定資産税 does not answer", () => {
    expect(index.search("固定資産税の支払いについて", { municipality: null }).noMatch).toBe(true);
  });
  it.each<Row>([
    ["ファミリーサポートに登録したい", "飯塚市", ["ファミリーサポートセンター事業"]],
    ["病児保育の利用登録", "飯塚市", ["病児保育事業"]],
    // 無料 is how much it costs, which the record answers, not a topic no program names (it was "no match")
    ["コミュニティバスは有料ですか", "伊万里市", ["コミュニティバス等運行事業"]],
    // a relative is a detail (background), but a grandparent is whom the elderly programs serve (→ 高齢者)
    ["祖父が一人で出かけて帰れなくなることがある", "飯塚市", ["認知症高齢者等個人賠償責任保険事業"]],
  ])("%s", (...row) => expectFirst(row));
});

// Known misses of the BM25F model (docs/search.md, "Still wrong"): a rare name found answers a question
// about one of its aspects (図書館 of 子ども図書館整備事業 for 開館時間), a description word (住民) answers
// 住民票, another place's program (北海道) is answered by this city's; a typo of a compound whose bigrams are
// mostly wrong (嘉穂劇場 for the document's 嘉徳劇場) is not found, and a question whose only topic is a word
// common in the corpus (移住 of いじゅうそうだんかい) stays under the threshold. Kept here so they are seen, skipped until
// the model tells them apart.
describe.skip("known misses of the model", () => {
  it.each<[string, string | null]>([
    ["図書館の開館時間", null],
    ["住民票の写しを取りたい", null],
    ["北海道の移住支援金", "伊万里市"],
  ])("no match: %s", (question, scope) => {
    expect(index.search(question, { municipality: scope }).noMatch).toBe(true);
  });
  it.each<Row>([
    ["嘉穂劇場", null, ["嘉徳劇場保存整備事業"]],
    ["いじゅうそうだんかいにいきたい", "伊万里市", ["移住・定住促進事業"]], // first, but under the no-match threshold
  ])("%s", (...row) => expectFirst(row));
});

describe("coverage: a specific word is enough; question words, verbs and everyday filler do not sink it", () => {
  it.each<Row>([
    ["カブトガニはどこで見られる？", "伊万里市", ["カブトガニ保護促進事業"]],
    ["認知症サポーターになって地域で活動したい", "飯塚市", ["認知症サポーター養成事業"]],
    [
      "うちの子は小学3年生で、夏休みの間も私は仕事があるので、昼間に子どもを見てくれるところを探しています",
      "伊万里市",
      ["留守家庭児童クラブ管理運営事業"],
    ],
    ["大阪から移住したい", "伊万里市", ["移住・定住促進事業"]],
    ["伊万里牛の産地を強くする取り組み", null, ["伊万里牛産地強化支援事業"]],
  ])("%s", (...row) => expectFirst(row));

  // The search finds the scope's own 出産祝い金 and says that none of it has 大阪; dialogue answers "no match"
  // from that (test/fixtures/dialogue/no-match.yaml).
  it.each<[string, string | null, string]>([["大阪府の出産祝い金", "飯塚市", "大阪"]])(
    "a place other than the scope is what the question is about: %s → %s's entries lack %s",
    (question, scope, place) => {
      const response = index.search(question, { municipality: scope });
      expect(response.unmatched).toContain(place);
      expect(response.results.flatMap((r) => r.matched.map((m) => m.term))).not.toContain(place);
    },
  );
});

describe("municipality scope", () => {
  it.each<[string, SearchOptions["municipality"], string]>([
    ["コミュニティバス", "伊万里市", "伊万里市"],
    ["コミュニティバス", "飯塚市", "飯塚市"],
    ["新規就農", "伊万里", "伊万里市"], // short name
    ["新規就農", "iizuka", "飯塚市"], // slug
    ["子どもの医療費", "いいづかし", "飯塚市"], // reading
  ])("%s in %s: every result is in %s", (question, scope, city) => {
    const { results } = index.search(question, { municipality: scope, top: 10 });
    expect(results.length).toBeGreaterThan(0);
    expect(new Set(results.map((r) => r.municipality))).toEqual(new Set([city]));
  });

  it.each<[string, string]>([
    ["飯塚 移住 補助", "飯塚市"],
    ["伊万里市の婚活", "伊万里市"],
    ["いいづかの病児保育", "飯塚市"],
  ])("a municipality named in an unscoped question scopes it: %s", (question, city) => {
    const { results } = index.search(question, { top: 10 });
    expect(results.length).toBeGreaterThan(0);
    expect(new Set(results.map((r) => r.municipality))).toEqual(new Set([city]));
  });

  it("a deployment's scope wins over a municipality named in the question", () => {
    const { results } = index.search("飯塚の移住支援", { municipality: "伊万里市" });
    expect(results.every((r) => r.municipality === "伊万里市")).toBe(true);
  });

  it("a municipality the knowledge does not have finds nothing", () => {
    const { noMatch, results } = index.search("子どもの医療費", { municipality: "福岡市" });
    expect({ noMatch, results }).toEqual({ noMatch: true, results: [] });
  });
});

describe("filters and result shape", () => {
  it("filters by category and type", () => {
    const { results } = index.search("バス", { category: "交通", top: 10 });
    expect(results.length).toBeGreaterThan(1);
    expect(index.search("バス", { type: "faq" }).noMatch).toBe(true);
  });

  it("returns type, id, municipality, name, score, confidence and what matched, most confident first, at most top", () => {
    const { results } = index.search("保育", { municipality: "伊万里市", top: 3 });
    expect(results.length).toBeGreaterThan(1);
    expect(results.length).toBeLessThanOrEqual(3);
    for (const r of results) {
      expect(Object.keys(r).sort()).toEqual(["confidence", "id", "matched", "municipality", "name", "score", "type"]);
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
      expect(r.matched.map((m) => m.term)).toContain("保育");
    }
    expect(results[0]!.confidence).toBeGreaterThanOrEqual(results.at(-1)!.confidence);
  });

  it("explains what a question became", () => {
    const explained = index.explain("にんかつの助成");
    const labels = explained.concepts.map((c) => c.label);
    expect(labels).toContain("助成");
    expect(explained.concepts.flatMap((c) => c.synonyms).some((t) => t.includes("不妊治療"))).toBe(true);
    expect(index.explain("飯塚 移住").municipality).toBe("飯塚市");
  });
});

describe("a municipality named in hiragana", () => {
  it.each([
    ["いいづか いじゅう ほじょ", "飯塚市", ["いじゆう", "ほじよ"]],
    ["いまりで のうぎょうを はじめたい", "伊万里市", ["のうぎよう", "はじめ"]],
    // kuromoji reads の after いいづかし as a noun: grammar still, not a longer name (飯塚市 is no topic)
    ["いいづかしのほいくりょう", "飯塚市", ["保育料"]],
  ])("%s names %s and is no topic word: %j are", (question, municipality, labels) => {
    const explained = index.explain(question);
    expect(explained.municipality).toBe(municipality);
    expect(explained.concepts.map((c) => c.label)).toEqual(labels);
  });

  it.each([
    ["いいづかえきのえきまえひろば", "飯塚駅"],
    ["いまりやきのふうりん", "伊万里焼"],
  ])("%s: the name starts a longer word of the knowledge, read as %s", (question, word) => {
    const explained = index.explain(question);
    expect(explained.municipality).toBeUndefined();
    expect(explained.terms.some((t) => t.includes(word))).toBe(true);
  });
});

describe("a verb's stem before っ matches synonyms by its base form only", () => {
  it.each([
    ["ごみ袋はどこでうってる？", "うっ", "うる"],
    ["どこで売ってる？", "売っ", "売る"],
  ])("%s: %s is %s, not うつ (depression) as its folded spelling reads", (question, label, base) => {
    const concept = index.explain(question).concepts.find((c) => c.label === label);
    expect(concept?.words).toEqual([base]);
    expect(concept?.synonyms ?? []).not.toContain("産後うつ");
    expect(concept?.weight).toBe(MODEL.words.verb);
  });
});
