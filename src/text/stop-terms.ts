// Words that carry no topic in questions about municipal programs. Particles and auxiliaries are dropped by
// part of speech (token-role.ts); these are content words by grammar that every question or every program
// name contains, so scoring them only adds noise (事業, 支援, 制度 appear in most names) and cost (a term
// that matches half the corpus builds a result for half the corpus). Written as base forms; compared after
// termKey(), so katakana/hiragana and width do not matter.
import { termKey } from "./normalize.js";

export const STOP_WORDS: readonly string[] = [
  // "is there a program for …": a question frame (IDF, not this list, makes 事業 or 支援 cheap)
  "制度",
  // question frames: 〜について教えて / 〜はありますか / 〜したい / 〜の方法
  "ある",
  "有る",
  "いる",
  "居る",
  "おる",
  "する",
  "なる",
  "成る",
  "できる",
  "出来る",
  "おこなう",
  "行う",
  "やる",
  "教える",
  "知る",
  "わかる",
  "分かる",
  "思う",
  "考える",
  "言う",
  "聞く",
  "調べる",
  "探す",
  "見る",
  "見つける",
  "ほしい",
  "欲しい",
  "いい",
  "よい",
  "良い",
  "ない",
  "無い",
  "たい",
  "くださる",
  "下さる",
  "いただく",
  "頂く",
  "願う",
  "お願い",
  "方法",
  "やり方",
  "仕方",
  "方",
  "人",
  "ひと",
  "人たち",
  "方々",
  "こと",
  "事",
  "もの",
  "物",
  "ため",
  "為",
  "とき",
  "時",
  "場合",
  "ところ",
  "とこ",
  "所",
  "何",
  "なに",
  "なん",
  "どう",
  "どんな",
  "どの",
  "どれ",
  "どれくらい",
  "どのくらい",
  "いくつ",
  "私",
  "わたし",
  "僕",
  "ぼく",
  "自分",
  "うち",
  "我が家",
  "みんな",
  "皆",
  "について",
  "関する",
  "内容",
  "詳細",
  "詳しい",
  "一覧",
  "案内",
  "紹介",
  "件",
  "等",
  "など",
  "ほか",
  "他",
  "市",
  "町",
  "村",
  "市内",
  "心配",
  "不安",
  "困る",
  "困っている",
  "気になる",
  "ちゃんと",
  "今",
  "今度",
  "最近",
  "今年",
  "来年",
  "去年",
  "昨年",
  "今月",
  "来月",
  "先月",
  "今週",
  "来週",
  "先週",
  "今日",
  "明日",
  "ちょっと",
  "少し",
  "全部",
  "全て",
  "すべて",
  // 副詞可能 nouns that only place things in time or order
  "以上",
  "以下",
  "以内",
  "以降",
  "以前",
  "前",
  "後",
  "間",
  "あいだ",
  "中",
  "上",
  "下",
  "最初",
  "最後",
  "毎日",
  "毎月",
  "毎年",
];

/** Whether a termKey is one of the words' (each list is compared after termKey, see the top of the file). */
function memberOf(words: readonly string[]): (key: string) => boolean {
  const terms: ReadonlySet<string> = new Set(words.map(termKey));
  return (key) => terms.has(key);
}

export const isStopTerm = memberOf(STOP_WORDS);

/**
 * Words that say what a resident wants to know about a topic (its procedure, place, time, cost), not the
 * topic: 「火葬場の予約」 is about 火葬場. They are searched, but count little toward deciding whether an
 * entry answers the question, so a question whose topic the knowledge lacks is not answered by an entry
 * that merely mentions 予約 or 相談. Two kinds:
 *
 * - what a program's record answers by its structure (who is eligible, how much, how to apply, where to
 *   ask, the period): an entry that does not write 申請 or 対象 still answers 「〜の申請」;
 * - what a record does not hold (opening hours, paying a tax, booking, renewing, notifying): an entry
 *   that lacks the word does not answer 「図書館の開館時間」 or 「固定資産税の支払い」 just because it names
 *   the topic, so its absence weighs as much as a topic's (model.ts `missingWords.otherAspect`).
 */
export const RECORD_ASPECT_WORDS: readonly string[] = [
  // how to apply, join (登録: a membership service's application) and what to bring
  "手続き",
  "手続",
  "申請",
  "申し込み",
  "申込",
  "申込み",
  "登録",
  "書類",
  "必要",
  "受付",
  // where to ask (every record names its department) and where (場所 asks どこ; 近く, 付近, 周辺 ask where
  // near: 「駅の近く」 is about the station, not about nearness)
  "相談",
  "問い合わせ",
  "問合せ",
  "窓口",
  "担当",
  "担当課",
  "連絡先",
  "電話",
  "番号",
  "電話番号",
  "場所",
  "近く",
  "付近",
  "周辺",
  // the period, the amount, who is eligible, how it works
  "期間",
  "期限",
  "締め切り",
  "金額",
  "費用",
  "料金",
  // whether it costs anything at all (「何歳まで無料？」 asks the amount of a topic named beside it)
  "無料",
  "有料",
  "対象",
  "条件",
  "資格",
  "利用",
  "仕組み",
  "使い方",
  // question words: which aspect is asked (FAQ entries differ by them: どこで申請 / いつまでに申請)
  "どこ",
  "いつ",
  "誰",
  "だれ",
  "いくら",
];

export const OTHER_ASPECT_WORDS: readonly string[] = [
  "予約",
  "届",
  "届け",
  "届出",
  "届け出",
  "提出",
  "住所",
  "時間",
  "日時",
  "日程",
  "値段",
  "支払い",
  "支払",
  "納付",
  "変更",
  "更新",
  "確認",
  "取り方",
  "出し方",
  "払い方",
  "やり方",
  "結果",
  "状況",
  "スケジュール",
  "開館",
  "営業",
];

export const ASPECT_WORDS: readonly string[] = [...RECORD_ASPECT_WORDS, ...OTHER_ASPECT_WORDS];

/**
 * Question words (and where-to-ask words): they ask which aspect (when, where, how much) and are no topic at all. An entry that has
 * them ranks a little higher (an FAQ 「どこで申請」), but one that lacks them is not the worse answer:
 * 「ハーフマラソンはいつ？」 is answered by the marathon program whether or not it writes いつ.
 */
export const QUESTION_WORDS: readonly string[] = [
  "どこ",
  "いつ",
  "誰",
  "だれ",
  "いくら",
  "何時",
  "どちら",
  "どうやって",
  "どうすれば",
  "どのように",
  // whether it is so: 「…って本当？」 asks if what they heard is true, about nothing but the rest of the question
  "本当",
  "ほんと",
  // where to ask: every answer names its department, so no entry lacks it
  "窓口",
  "担当",
  "担当課",
  "連絡先",
  "問い合わせ",
  "問合せ",
];

export const isQuestionWord = memberOf(QUESTION_WORDS);

/**
 * The resident's relatives: whom the question is about (「母がもの忘れがひどくて…」, 「娘が熱を出して」), a
 * detail of the situation beside its topic, as a place one comes from is. Compounds kuromoji reads whole
 * (母子, 父子家庭, 親子) and phrases (ひとり + 親) are other words and stay topics; one the synonyms file gives
 * a meaning (親 → 保護者, 祖母 → 高齢者) is a topic by that meaning (search/query-groups.ts synonymGroup).
 */
export const RELATIVE_WORDS: readonly string[] = [
  "父",
  "母",
  "父親",
  "母親",
  "お父さん",
  "お母さん",
  "親",
  "両親",
  "義父",
  "義母",
  "祖父",
  "祖母",
  "祖父母",
  "じいちゃん",
  "ばあちゃん",
  "おじいさん",
  "おばあさん",
  "夫",
  "妻",
  "主人",
  "旦那",
  "嫁",
  "夫婦",
  "息子",
  "娘",
  "兄",
  "姉",
  "弟",
  "妹",
  "孫",
];

export const isRelativeWord = memberOf(RELATIVE_WORDS);

export const isAspectTerm = memberOf(ASPECT_WORDS);

/** An aspect a program's record does not hold (see ASPECT_WORDS). */
export const isOtherAspect = memberOf(OTHER_ASPECT_WORDS);
