// What a token contributes to search, decided by part of speech (IPADIC categories) and the stop terms:
// - "content": a word that carries the topic (名詞, 自立 verbs and adjectives): indexed and matched;
// - "attach":  a piece that only means something joined to its neighbour (接頭詞 新, 接尾 費/料/者, numbers):
//              kept inside compounds (医療費, 保育料, 2子), never scored alone;
// - "drop":    particles, auxiliaries, symbols, adverbs, 非自立 words and stop terms.
import type { JapaneseToken } from "./tokenizer.js";
import { isAspectTerm, isStopTerm } from "./stop-terms.js";
import { termKey, isHiragana } from "./normalize.js";

export type TokenRole = "content" | "attach" | "drop";

// 副詞可能 nouns stay content (病後, 夜間 are topics); the ones that carry none are stop terms.
const DROPPED_NOUN_KINDS = new Set(["非自立", "代名詞", "特殊", "接続詞的", "引用文字列"]);
const ATTACHED_NOUN_KINDS = new Set(["接尾", "数"]);

export function tokenRole(token: JapaneseToken): TokenRole {
  if (isAspectTerm(termKey(token.base))) return "content"; // question words are pronouns or adverbs by grammar
  const grammatical = grammaticalRole(token);
  if (grammatical !== "content") return grammatical;
  const key = termKey(token.base);
  if (!/[\p{L}\p{N}]/u.test(key)) return "drop"; // a symbol kuromoji took for a noun (？ after NFKC)
  if (key === "" || isStopTerm(key) || isStopTerm(termKey(token.surface))) return "drop";
  if (isHiragana(key) && key.length === 1) return "drop"; // a lone kana is a mis-segmentation, not a word
  return "content";
}

function grammaticalRole(token: JapaneseToken): TokenRole {
  switch (token.pos) {
    case "名詞":
      if (DROPPED_NOUN_KINDS.has(token.posDetail)) return "drop";
      return ATTACHED_NOUN_KINDS.has(token.posDetail) ? "attach" : "content";
    case "接頭詞":
      return "attach";
    case "動詞":
    case "形容詞":
      return token.posDetail === "自立" ? "content" : "drop";
    default:
      return "drop";
  }
}
