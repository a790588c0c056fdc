// What the load sends: questions as residents type them on LINE (programs of both cities, follow-ups,
// greetings, and things the knowledge does not cover), and as staff type them on the page.
export const RESIDENT_QUESTIONS: readonly string[] = [
  "出産のお祝い金はある？",
  "不妊治療の助成を知りたい",
  "子どもの医療費の助成は何歳まで？",
  "移住したら補助金もらえますか",
  "学童保育に申し込みたい",
  "予約乗合タクシーの運賃",
  "空き家を買うと補助はある？",
  "仕事を探しています",
  "新しく農業を始めたい",
  "婚活を応援してくれる制度",
  "妊婦健診の受診券は何回分？",
  "子育ての相談ができるところ",
  "病気の子どもを預けたい",
  "いくら？",
  "こんにちは",
  "粗大ごみの出し方",
  "ｲﾏﾘの梨農家の支援",
  "ひとり親で生活が苦しい",
  "高齢の親の見守り",
  "スポーツ合宿の補助",
];

export const STAFF_QUERIES: readonly string[] = [
  "出産",
  "不妊治療",
  "子ども 医療費",
  "移住",
  "学童",
  "乗合タクシー",
  "空き家",
  "就農",
  "婚活",
  "妊婦健診",
  "子育て支援センター",
  "病後児保育",
  "梨",
  "合宿",
  "奨学金",
];

export function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length]!;
}
