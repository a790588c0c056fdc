// Spellings that kuromoji cannot segment, rewritten to the dictionary's spelling before tokenizing, in
// documents and questions alike: 障がい児 otherwise becomes 障る/がい/児. (Variants kuromoji does segment,
// such as 子供 / 子ども / こども, meet through their readings instead.)
const VARIANTS: ReadonlyArray<readonly [RegExp, string | ((match: string) => string)]> = [
  [/障がい|障碍/gu, "障害"],
  [/しょうがい(?=者|児)/gu, "障害"],
  // Kyushu's どう (どげん in Fukuoka, どがん in Saga): kuromoji reads ど + げん or ど + がん (癌). Only before
  // what follows どう (どがんすれば, どげんしたら, どがんね), not inside などがんばる or がん検診.
  [/ど[げが]ん(?=[しすさせかなねやでもにとよ]|[?？!！、。\s]|$)/gu, "どう"],
  // 第 + one kanji numeral is an ordinal: kuromoji reads 第三子 as 第 + 三子 (みつご, triplets).
  [/第[一二三四五六七八九](?![十百千〇一二三四五六七八九])/gu, (m) => `第${"一二三四五六七八九".indexOf(m[1]!) + 1}`],
];

export function canonicalSpelling(text: string): string {
  let out = text;
  for (const [pattern, replacement] of VARIANTS) out = out.replace(pattern, replacement as (m: string) => string);
  return out;
}
