// The modal behind 「回答を登録」: the question (editable; one wording per line, several allowed), the
// answer, the department, an optional URL and an optional 「この日まで有効」 date. Submitting makes a draft
// (or publishes it when review is off); StaffChanges validates it with the knowledge schema, and its field
// errors come back to the modal's inputs through response_action "errors".
import { LIMITS } from "../block-limits.js";
import { clip, personPlainText } from "../mrkdwn.js";
import { plain, type ModalView } from "../render/block-types.js";
import { dateInput, dateValue, textInput, textValue, type ViewValues } from "./modal-inputs.js";
import type { FieldError } from "../../../knowledge/staff/validate-entry.js";

export const ANSWER_MODAL_CALLBACK = "staff_answer";
export const BLOCKS = {
  questions: "questions",
  answer: "answer",
  department: "department",
  url: "url",
  validUntil: "valid_until",
} as const;

/** What the modal remembers between opening and submission (private_metadata, JSON). */
export interface AnswerModalContext {
  /** The unanswered question it came from (App Home), or the handoff thread. */
  question?: string;
  thread?: string;
}

export function answerModal(questionText: string, context: AnswerModalContext, answerText?: string): ModalView {
  const initial = clip(personPlainText(questionText), 1000);
  const answer = answerText ? clip(answerText, 2000) : "";
  return {
    type: "modal",
    callback_id: ANSWER_MODAL_CALLBACK,
    private_metadata: clip(JSON.stringify(context), LIMITS.privateMetadata),
    title: plain("回答を登録"),
    submit: plain("下書きを保存"),
    close: plain("やめる"),
    blocks: [
      textInput(
        BLOCKS.questions,
        "質問（1行に1つ。言い方を何通りでも書けます）",
        { multiline: true, max_length: 1000, ...(initial ? { initial_value: initial } : {}) },
        "住民が聞きそうな言い方を行を分けて書くと、言い換えにも答えられます。個人の情報は消してください。",
      ),
      textInput(
        BLOCKS.answer,
        "回答",
        { multiline: true, max_length: 2000, ...(answer ? { initial_value: answer } : {}) },
        "住民に表示される文です。出典としてあなたの名前・担当課・今日の日付が付きます。",
      ),
      textInput(BLOCKS.department, "担当課", { max_length: 100, placeholder: plain("例: 子育て支援課") }),
      textInput(BLOCKS.url, "参考URL（任意）", { max_length: 500, placeholder: plain("https://…") }, undefined, true),
      dateInput(
        BLOCKS.validUntil,
        "この日まで有効（任意）",
        "この日を過ぎると住民には表示されず、見直しの一覧に出ます。",
      ),
    ],
  };
}

export interface AnswerSubmission {
  questions: string[];
  answer: string;
  department: string;
  url?: string;
  validUntil?: string;
}

export function readAnswerSubmission(values: ViewValues): AnswerSubmission {
  const text = (block: string) => textValue(values, block);
  return {
    questions: text(BLOCKS.questions)
      .split(/\n+/)
      .map((q) => q.trim())
      .filter(Boolean),
    answer: text(BLOCKS.answer),
    department: text(BLOCKS.department),
    ...(text(BLOCKS.url) ? { url: text(BLOCKS.url) } : {}),
    ...(dateValue(values, BLOCKS.validUntil) ? { validUntil: dateValue(values, BLOCKS.validUntil)! } : {}),
  };
}

/** Errors the form can tell before the schema does (a question is needed at all). */
export function missingFields(s: AnswerSubmission): Record<string, string> {
  const errors: Record<string, string> = {};
  if (s.questions.length === 0) errors[BLOCKS.questions] = "質問を1つ以上書いてください。";
  if (!s.answer) errors[BLOCKS.answer] = "回答を書いてください。";
  if (!s.department) errors[BLOCKS.department] = "担当課を書いてください。";
  return errors;
}

/** The schema's field errors, on the modal's inputs, in Japanese (the field path is kept for staff who check files). */
export function modalErrors(errors: FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const block = blockOf(e.field);
    out[block] ??= `${JAPANESE[block] ?? "入力を確かめてください"}（${e.field}: ${e.message}）`;
  }
  return out;
}

function blockOf(field: string): string {
  if (field.startsWith("question")) return BLOCKS.questions;
  if (field === "answer") return BLOCKS.answer;
  if (field.includes("url")) return BLOCKS.url;
  if (field.includes("validUntil")) return BLOCKS.validUntil;
  return BLOCKS.department;
}

const JAPANESE: Record<string, string> = {
  [BLOCKS.questions]: "質問を確かめてください",
  [BLOCKS.answer]: "回答を確かめてください",
  [BLOCKS.department]: "担当課を確かめてください",
  [BLOCKS.url]: "URLは http:// か https:// で始めてください",
  [BLOCKS.validUntil]: "日付を確かめてください",
};
