// The modal behind 「情報を追加（職員確認）」 under a program's detail in Slack: which fact (金額 / 申請方法 /
// 問い合わせ先 / 実施状況), its value, the department, an optional URL and the day it was confirmed (default
// today). Submitting makes a draft of a staff fact (knowledge/staff/facts/), validated by StaffChanges.
import { LIMITS } from "../block-limits.js";
import { clip, personPlainText } from "../mrkdwn.js";
import { plain, type ModalView } from "../render/block-types.js";
import { INPUT, dateInput, dateValue, textInput, textValue, type ViewValues } from "./modal-inputs.js";
import { FACT_FIELDS, FACT_LABELS, PROGRAM_STATUSES, type FactField } from "../../../knowledge/staff/staff-fact.js";
import type { FieldError } from "../../../knowledge/staff/validate-entry.js";

export const ADD_FACT_ACTION = "add_program_fact";
export const FACT_MODAL_CALLBACK = "staff_fact";
export const FACT_BLOCKS = {
  field: "fact_field",
  value: "fact_value",
  department: "fact_department",
  url: "fact_url",
  date: "fact_date",
} as const;

export function factModal(program: { id: string; name: string; department: string }): ModalView {
  const options = FACT_FIELDS.map((f) => ({ text: plain(FACT_LABELS[f]), value: f }));
  return {
    type: "modal",
    callback_id: FACT_MODAL_CALLBACK,
    private_metadata: program.id,
    title: plain("制度の情報を追加"),
    submit: plain("下書きを保存"),
    close: plain("やめる"),
    blocks: [
      { type: "section", text: plain(clip(`制度: ${personPlainText(program.name)}`, LIMITS.sectionText)) },
      {
        type: "input",
        block_id: FACT_BLOCKS.field,
        label: plain("項目"),
        element: { type: "static_select", action_id: INPUT, placeholder: plain("選んでください"), options },
      },
      textInput(
        FACT_BLOCKS.value,
        "内容",
        { multiline: true, max_length: 1000 },
        `住民に「金額: …（担当課 あなたの名前 確認 日付）」と表示されます。実施状況は ${PROGRAM_STATUSES.join(" / ")} のどれか。`,
      ),
      textInput(FACT_BLOCKS.department, "担当課", { max_length: 100, initial_value: clip(program.department, 100) }),
      textInput(
        FACT_BLOCKS.url,
        "参考URL（任意）",
        { max_length: 500, placeholder: plain("https://…") },
        undefined,
        true,
      ),
      dateInput(FACT_BLOCKS.date, "確認した日（空なら今日）"),
    ],
  };
}

export interface FactSubmission {
  field?: FactField;
  value: string;
  department: string;
  url?: string;
  date?: string;
}

export function readFactSubmission(values: ViewValues): FactSubmission {
  const text = (block: string) => textValue(values, block);
  const field = values[FACT_BLOCKS.field]?.[INPUT]?.selected_option?.value;
  return {
    ...((FACT_FIELDS as readonly string[]).includes(field ?? "") ? { field: field as FactField } : {}),
    value: text(FACT_BLOCKS.value),
    department: text(FACT_BLOCKS.department),
    ...(text(FACT_BLOCKS.url) ? { url: text(FACT_BLOCKS.url) } : {}),
    ...(dateValue(values, FACT_BLOCKS.date) ? { date: dateValue(values, FACT_BLOCKS.date)! } : {}),
  };
}

export function missingFactFields(s: FactSubmission): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!s.field) errors[FACT_BLOCKS.field] = "項目を選んでください。";
  if (!s.value) errors[FACT_BLOCKS.value] = "内容を書いてください。";
  if (!s.department) errors[FACT_BLOCKS.department] = "担当課を書いてください。";
  return errors;
}

export function factModalErrors(errors: FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const block = e.field.includes("url")
      ? FACT_BLOCKS.url
      : e.field.includes("date")
        ? FACT_BLOCKS.date
        : e.field.includes("department")
          ? FACT_BLOCKS.department
          : FACT_BLOCKS.value;
    out[block] ??= `入力を確かめてください（${e.field}: ${e.message}）`;
  }
  return out;
}
