// Spellings that kuromoji cannot segment, rewritten to the dictionary's spelling before tokenizing, in
// documents and questions alike: 障がい児 otherwise becomes 障る/がい/児. (Variants kuromoji does segment,
// such as 子供 / 子ども / こども, meet through their readings instead.)
const VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/障がい|障碍/gu, "障害"],
  [/しょうがい(?=者|児)/gu, "障害"],
];

export function canonicalSpelling(text: string): string {
  let out = text;
  for (const [pattern, replacement] of VARIANTS) out = out.replace(pattern, replacement);
  return out;
}
