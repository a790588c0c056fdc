// A realistic municipal FAQ file (columns ID, 質問, 回答, as the national FAQ open-data format) of any size,
// and residents' questions about it. Deterministic: the same count gives the same file, byte for byte.
// Topics × aspects make distinct entries the way real FAQ pages do (住民票の写し: 必要なもの / 手数料 /
// 代理人 / 郵送 …); questions reword an entry the way residents do: short, spoken, in hiragana or in
// half-width katakana, or ask about things the FAQ does not cover.

interface Topic {
  name: string;
  /** How residents call it (used in questions only). */
  everyday: string;
  department: string;
}

const TOPICS: Topic[] = [
  ["住民票の写し", "住民票", "市民課"],
  ["戸籍謄本", "戸籍", "市民課"],
  ["印鑑登録証明書", "印鑑証明", "市民課"],
  ["転入届", "引っ越してきたときの届出", "市民課"],
  ["転出届", "引っ越すときの届出", "市民課"],
  ["婚姻届", "結婚の届出", "市民課"],
  ["出生届", "赤ちゃんが生まれたときの届出", "市民課"],
  ["死亡届", "家族が亡くなったときの届出", "市民課"],
  ["マイナンバーカード", "マイナンバーカード", "市民課"],
  ["パスポート", "パスポート", "市民課"],
  ["国民健康保険", "国保", "保険年金課"],
  ["国民年金", "年金", "保険年金課"],
  ["後期高齢者医療制度", "75歳からの医療保険", "保険年金課"],
  ["介護保険", "介護保険", "介護保険課"],
  ["要介護認定", "介護の認定", "介護保険課"],
  ["住民税", "市県民税", "税務課"],
  ["固定資産税", "家や土地の税金", "税務課"],
  ["軽自動車税", "バイクの税金", "税務課"],
  ["納税証明書", "税金の証明", "税務課"],
  ["児童手当", "子どもの手当", "子育て支援課"],
  ["児童扶養手当", "ひとり親の手当", "子育て支援課"],
  ["保育所の入所", "保育園に入ること", "子育て支援課"],
  ["放課後児童クラブ", "学童", "子育て支援課"],
  ["子ども医療費助成", "子どもの医療費", "子育て支援課"],
  ["妊婦健康診査", "妊婦健診", "健康づくり課"],
  ["乳幼児健診", "赤ちゃんの健診", "健康づくり課"],
  ["予防接種", "ワクチン", "健康づくり課"],
  ["がん検診", "がんの検査", "健康づくり課"],
  ["特定健診", "メタボ健診", "健康づくり課"],
  ["家庭ごみの分別", "ごみの分け方", "環境課"],
  ["粗大ごみ", "大きなごみ", "環境課"],
  ["資源ごみ", "リサイクルごみ", "環境課"],
  ["犬の登録", "犬を飼うときの届出", "環境課"],
  ["狂犬病予防注射", "犬の注射", "環境課"],
  ["浄化槽の設置補助", "浄化槽の補助", "下水道課"],
  ["水道の使用開始", "水道を使い始めるとき", "水道課"],
  ["水道料金", "水道代", "水道課"],
  ["市営住宅の入居", "市営住宅", "建築住宅課"],
  ["空き家バンク", "空き家", "都市計画課"],
  ["住宅リフォーム補助", "家のリフォーム", "建築住宅課"],
  ["道路の損傷", "道路の穴", "土木課"],
  ["公園の使用", "公園を使うこと", "都市計画課"],
  ["体育館の予約", "体育館", "スポーツ振興課"],
  ["図書館の利用", "図書館", "生涯学習課"],
  ["公民館の使用", "公民館", "生涯学習課"],
  ["選挙の期日前投票", "期日前投票", "選挙管理委員会"],
  ["防災行政無線", "防災無線", "防災危機管理課"],
  ["避難所", "避難する場所", "防災危機管理課"],
  ["ハザードマップ", "洪水の地図", "防災危機管理課"],
  ["コミュニティバス", "市内のバス", "企画課"],
  ["ふるさと納税", "ふるさと納税", "企画課"],
  ["移住支援金", "移住の支援金", "企画課"],
  ["就学援助", "学用品の援助", "学校教育課"],
  ["小学校の入学", "小学校に入ること", "学校教育課"],
  ["障害者手帳", "障がい者手帳", "福祉課"],
  ["生活保護", "生活に困ったとき", "福祉課"],
  ["成年後見制度", "後見人", "福祉課"],
  ["敬老祝金", "長寿のお祝い", "高齢者支援課"],
  ["配食サービス", "お弁当の配達", "高齢者支援課"],
  ["シルバー人材センター", "シルバー人材", "商工観光課"],
].map(([name, everyday, department]) => ({ name: name!, everyday: everyday!, department: department! }));

interface Aspect {
  question: (t: Topic) => string;
  answer: (t: Topic) => string;
  /** How a resident asks the same thing. */
  spoken: (t: Topic) => string;
}

const ASPECTS: Aspect[] = [
  {
    question: (t) => `${t.name}の手続きに必要なものは何ですか。`,
    answer: (t) =>
      `${t.name}の手続きには、本人確認書類（運転免許証、マイナンバーカード等）が必要です。詳しくは${t.department}へお問い合わせください。`,
    spoken: (t) => `${t.everyday}の手続き 何がいる？`,
  },
  {
    question: (t) => `${t.name}の手数料はいくらですか。`,
    answer: (t) => `${t.name}の手数料は1件につき300円です。${t.department}の窓口でお支払いください。`,
    spoken: (t) => `${t.everyday}っていくらかかる？`,
  },
  {
    question: (t) => `${t.name}は代理人でも申請できますか。`,
    answer: (t) =>
      `代理人が申請する場合は委任状が必要です。${t.name}について、委任状の様式は${t.department}で配布しています。`,
    spoken: (t) => `${t.everyday}を家族が代わりに申請できる？`,
  },
  {
    question: (t) => `${t.name}は郵送で手続きできますか。`,
    answer: (t) => `${t.name}は郵送でも受け付けています。返信用封筒と切手を同封して${t.department}へ送付してください。`,
    spoken: (t) => `${t.everyday} 郵送でいい？`,
  },
  {
    question: (t) => `${t.name}の受付時間を教えてください。`,
    answer: (t) => `${t.name}の受付は平日の午前8時30分から午後5時15分までです（${t.department}）。`,
    spoken: (t) => `${t.everyday}は何時まで受け付けてる？`,
  },
  {
    question: (t) => `${t.name}はどこで申請できますか。`,
    answer: (t) => `${t.name}は本庁舎1階の${t.department}のほか、各支所でも申請できます。`,
    spoken: (t) => `${t.everyday}はどこに行けばいい？`,
  },
  {
    question: (t) => `${t.name}の対象者を教えてください。`,
    answer: (t) =>
      `${t.name}の対象は、市内に住所がある方です。所得などの要件がある場合があります。${t.department}にご確認ください。`,
    spoken: (t) => `${t.everyday}は誰が対象？`,
  },
  {
    question: (t) => `${t.name}はオンラインで申請できますか。`,
    answer: (t) => `${t.name}は一部オンライン申請に対応しています。市のホームページの電子申請窓口をご利用ください。`,
    spoken: (t) => `${t.everyday}ってネットで申し込める？`,
  },
  {
    question: (t) => `${t.name}の申請期限はいつですか。`,
    answer: (t) =>
      `${t.name}は事由が発生した日から14日以内に手続きしてください。期限を過ぎた場合は${t.department}にご相談ください。`,
    spoken: (t) => `${t.everyday}はいつまでに出せばいい？`,
  },
  {
    question: (t) => `${t.name}について土日に相談できますか。`,
    answer: (t) => `${t.name}の相談は原則平日のみですが、毎月第2日曜日に休日窓口を開設しています。`,
    spoken: (t) => `${t.everyday}の相談 土日でも大丈夫？`,
  },
];

/** A PRNG with a fixed seed, so the fixture is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaqRow {
  id: string;
  question: string;
  answer: string;
}

/** count rows: every topic × aspect, then variants by district (○○支所) until count is reached. */
export function generateFaqRows(count: number): FaqRow[] {
  const rows: FaqRow[] = [];
  const districts = ["", "北部支所", "南部支所", "東部支所", "西部支所", "中央出張所"];
  for (let round = 0; rows.length < count; round++) {
    for (const topic of TOPICS) {
      for (const aspect of ASPECTS) {
        if (rows.length >= count) break;
        const where = districts[round % districts.length]!;
        const suffix =
          round === 0
            ? ""
            : `（${where}${round >= districts.length ? ` ${Math.floor(round / districts.length) + 1}` : ""}）`;
        rows.push({
          id: `FAQ-${String(rows.length + 1).padStart(5, "0")}`,
          question: aspect.question(topic).replace(/。$/u, `${suffix}。`),
          answer: aspect.answer(topic),
        });
      }
    }
  }
  return rows;
}

export function faqCsv(rows: readonly FaqRow[]): string {
  const cell = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `ID,質問,回答\r\n${rows.map((r) => [r.id, r.question, r.answer].map(cell).join(",")).join("\r\n")}\r\n`;
}

export interface FaqQuestion {
  q: string;
  /** The FAQ entries that answer it (any of them), or [] when none does. */
  expect: string[];
}

const OUT_OF_SCOPE = [
  "カブトガニの保護活動",
  "伊万里梨の産地",
  "陣痛タクシーの登録",
  "婚活イベント",
  "スポーツ合宿の補助",
  "プログラミング教育",
  "ハーフマラソンの参加",
  "窯跡の発掘調査",
];

/** count questions: mostly rewordings of entries (in spoken style, sometimes hiragana or half-width), some about nothing in the file. */
export function generateFaqQuestions(rows: readonly FaqRow[], count: number, seed = 7): FaqQuestion[] {
  const random = seededRandom(seed);
  const out: FaqQuestion[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 10 === 9) {
      out.push({ q: OUT_OF_SCOPE[Math.floor(random() * OUT_OF_SCOPE.length)]!, expect: [] });
      continue;
    }
    const topic = TOPICS[Math.floor(random() * TOPICS.length)]!;
    const aspectIndex = Math.floor(random() * ASPECTS.length);
    const aspect = ASPECTS[aspectIndex]!;
    const style = random();
    const q =
      style < 0.5
        ? aspect.spoken(topic)
        : style < 0.8
          ? aspect.question(topic).replace(/。$/u, "")
          : toHalfWidthKatakana(aspect.spoken(topic));
    const expect = rows
      .filter((r) => r.question.startsWith(aspect.question(topic).replace(/。$/u, "")))
      .map((r) => r.id);
    out.push({ q, expect });
  }
  return out;
}

const FULL_KATAKANA =
  "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォャュョッー";
const HALF_KATAKANA = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｬｭｮｯｰ";
const HALF_WIDTH = new Map([...FULL_KATAKANA].map((c, i) => [c, HALF_KATAKANA[i]!]));

/** マイナンバーカード → ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞ (voiced katakana become base + ﾞ, as half-width input does); other text stays. */
export function toHalfWidthKatakana(text: string): string {
  return [...text]
    .map((c) => (/[\u30A1-\u30FC]/u.test(c) ? [...c.normalize("NFD")].map(halfWidth).join("") : c))
    .join("");
}

function halfWidth(c: string): string {
  return c === "\u3099" ? "ﾞ" : c === "\u309A" ? "ﾟ" : (HALF_WIDTH.get(c) ?? c);
}
