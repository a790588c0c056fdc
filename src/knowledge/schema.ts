// The knowledge base's schema. Every type the rest of the code uses is inferred from here.
// Objects are strict: an unknown field is an error, so a typo in a YAML key never silently drops a fact.
import { z } from "zod";
import { StaffSource } from "./staff/staff-source.js";

const text = z.string().trim().min(1, "must not be empty");

/** A slug-like id: lower-case ASCII words joined by hyphens, stable across re-imports. */
export const entryId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and hyphens (e.g. imari-funin-chiryo)");

export const SourceDocument = z.strictObject({
  id: entryId,
  title: text,
  /** The date as the document writes it (令和3年11月), or a note when it is undated. */
  date: text,
  /** ISO year-month when the document states one ("2021-11"); absent for undated documents. */
  isoDate: z
    .string()
    .regex(/^\d{4}(-\d{2})?$/)
    .optional(),
  /** Path of the copied source text, relative to the knowledge directory. */
  file: text,
});
export type SourceDocument = z.infer<typeof SourceDocument>;

export const Municipality = z.strictObject({
  name: text.regex(/[市町村区]$/, "must be the full name ending in 市/町/村/区 (e.g. 伊万里市)"),
  prefecture: text,
  slug: entryId,
  reading: z.string().optional(),
  sources: z.array(SourceDocument).min(1),
});
export type Municipality = z.infer<typeof Municipality>;

export const AUDIENCES = [
  "個人",
  "子育て世帯",
  "妊婦",
  "高齢者",
  "障がい者",
  "学生",
  "移住者",
  "求職者",
  "事業者",
  "農業者",
  "林業者",
  "漁業者",
  "団体",
  "地域",
  "観光客",
] as const;
export const CATEGORIES = [
  "妊娠・出産",
  "子育て",
  "教育",
  "移住・住まい",
  "仕事・創業",
  "農林水産",
  "高齢・介護",
  "健康・医療",
  "福祉",
  "交通",
  "地域活動",
  "観光・イベント",
  "スポーツ",
  "文化",
  "防災",
  "環境",
  "結婚",
  "産業",
  "行政",
] as const;
export const BENEFIT_KINDS = [
  "給付金",
  "補助金",
  "助成",
  "貸付",
  "無償化",
  "奨励金",
  "祝金",
  "サービス",
  "相談",
  "施設",
  "イベント",
  "情報発信",
  "その他",
] as const;

/** A structured condition the source states explicitly. `text` is the source's own wording. */
export const Condition = z.strictObject({
  kind: z.enum([
    "age",
    "childOrder",
    "movedFrom",
    "buildingAge",
    "residence",
    "income",
    "occupation",
    "household",
    "other",
  ]),
  text,
  min: z.number().optional(),
  max: z.number().optional(),
  unit: z.string().optional(),
});

export const Eligibility = z.strictObject({
  /** The source's wording about who is eligible, verbatim or nearly so. */
  text: text.optional(),
  conditions: z.array(Condition).optional(),
});

/** An amount as the source states it. `text` must occur in the source; `value`+`unit` are its reading. */
export const Amount = z.strictObject({
  text,
  value: z.number({ error: "must be a number" }),
  unit: z
    .string({ error: "is required: an amount needs a unit (円, 千円, 回 …)" })
    .trim()
    .min(1, "is required: an amount needs a unit"),
  /** What the amount is counted per: 年, 人, 回, 月, 件, 世帯 … */
  per: z.string().optional(),
  /** true when the source says 上限 / まで. */
  cap: z.boolean().optional(),
});
export type Amount = z.infer<typeof Amount>;

export const Benefit = z.strictObject({
  kind: z.enum(BENEFIT_KINDS),
  /** The benefit in the source's words. */
  text: text.optional(),
  amounts: z.array(Amount).optional(),
  /** How long it is paid or offered, in the source's words (通算5年間). */
  duration: z.string().optional(),
});
export type Benefit = z.infer<typeof Benefit>;

const westernYear = z
  .number()
  .int()
  .min(1989, "must be a Western year (令和2年度 = 2020)")
  .max(2100, "must be a Western year (令和2年度 = 2020)");

export const Period = z.strictObject({
  /** As written, e.g. "令和2年度～令和6年度" or "R2 ~ R6". */
  text,
  /** Fiscal years (April–March) as Western years: 令和2年度 = 2020. */
  fromFiscalYear: westernYear.optional(),
  toFiscalYear: westernYear.optional(),
});
export type Period = z.infer<typeof Period>;

export const Kpi = z.strictObject({ name: text, target: z.string().optional(), unit: z.string().optional() });

/** Whether the program runs, as the source states it (飯塚市's 予算 cell: 【令和4年度は予算ゼロ】…). */
export const PROGRAM_STATUSES = ["実施中", "終了", "予算ゼロ", "見直し中"] as const;
export const ProgramStatus = z.strictObject({
  value: z.enum(PROGRAM_STATUSES),
  /** The source's own words the status is read from, verbatim (shown with the status). */
  quote: text,
});
export type ProgramStatus = z.infer<typeof ProgramStatus>;

/** Fields whose values were inferred (from the name alone) rather than stated by the source. */
export const INFERABLE_FIELDS = ["audiences", "categories"] as const;

export const SourceRef = z.strictObject({
  /** Id of a SourceDocument of the program's municipality. */
  document: entryId,
  /** Where in the document: table and row or No., e.g. "重点施策一覧 No.45; 重点施策個票 No.45". */
  place: text,
});

export const Program = z.strictObject({
  id: entryId,
  municipality: text,
  /** The official 事業名 exactly as the source writes it. */
  name: text,
  aliases: z.array(text).optional(),
  reading: z.string().optional(),
  summary: text.optional(),
  audiences: z.array(z.enum(AUDIENCES)).optional(),
  categories: z.array(z.enum(CATEGORIES)).optional(),
  eligibility: Eligibility.optional(),
  benefits: z.array(Benefit).optional(),
  /** How to apply, in the source's words (償還払い, 事前登録 …). */
  application: text.optional(),
  /** 担当課 / 事業主体 as the source writes them. */
  department: z.union([text, z.array(text).min(1)]),
  period: Period.optional(),
  kpi: z.array(Kpi).optional(),
  /** true for rows that give only a name (伊万里市's 取組事業一覧 outside the 重点施策). */
  nameOnly: z.boolean().optional(),
  /** The program's status as its source states it; absent when the source says nothing about it. */
  status: ProgramStatus.optional(),
  /** Which of audiences/categories are inferred from the name, not stated by the source (name-only rows). */
  inferred: z.array(z.enum(INFERABLE_FIELDS)).optional(),
  source: SourceRef,
});
export type Program = z.infer<typeof Program>;

export const Faq = z.strictObject({
  id: z.string().trim().min(1),
  municipality: text.optional(),
  question: text,
  /** Other wordings of the same question (staff answers record how residents actually asked). */
  questions: z.array(text).optional(),
  answer: text,
  category: z.string().optional(),
  department: z.string().optional(),
  url: z.string().optional(),
  /** Set when a member of staff gave the answer (knowledge/staff/faq/): who, department, date. */
  source: StaffSource.optional(),
});
export type Faq = z.infer<typeof Faq>;

export const MunicipalitiesFile = z.array(Municipality);
export const ProgramsFile = z.array(Program);
export const FaqFile = z.array(Faq);
