// The modal behind 「同義語を追加」: the question, the resident's word (prefilled with the terms the
// tokenizer made of it) and what it means in the documents. Submitting records a proposal for review.
import { LIMITS } from "../block-limits.js";
import { clip, personPlainText } from "../mrkdwn.js";
import { plain, type ModalView } from "../render/block-types.js";
import type { UnansweredQuestion } from "./staff-insights.js";

export const SYNONYM_MODAL_CALLBACK = "synonym_proposal";
export const WORDS_BLOCK = "words";
export const MEANS_BLOCK = "means";
export const WORD_INPUT = "value";

export function synonymModal(question: UnansweredQuestion): ModalView {
  return {
    type: "modal",
    callback_id: SYNONYM_MODAL_CALLBACK,
    private_metadata: question.id,
    title: plain("同義語を追加"),
    submit: plain("記録する"),
    close: plain("やめる"),
    blocks: [
      { type: "section", text: plain(clip(`質問: ${personPlainText(question.text)}`, LIMITS.sectionText)) },
      {
        type: "input",
        block_id: WORDS_BLOCK,
        label: plain("住民のことば（読点「、」で区切って複数可）"),
        element: { type: "plain_text_input", action_id: WORD_INPUT, max_length: 200, ...prefill(question.terms) },
        hint: plain("質問に出てきた言い方。例: にんかつ"),
      },
      {
        type: "input",
        block_id: MEANS_BLOCK,
        label: plain("資料でのことば（読点「、」で区切って複数可）"),
        element: {
          type: "plain_text_input",
          action_id: WORD_INPUT,
          max_length: 200,
          placeholder: plain("例: 不妊治療"),
        },
        hint: plain("記録した提案は knowledge/synonym-proposals.yaml に入り、確認のうえ synonyms.yaml に移します。"),
      },
    ],
  };
}

function prefill(terms: string[]) {
  const text = clip(terms.map(personPlainText).join("、"), 200);
  return text ? { initial_value: text } : {};
}

/** 「にんかつ、妊活」 → ["にんかつ", "妊活"]: split on Japanese and ASCII commas, blanks dropped. */
export function splitWords(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、,，\n]/)
        .map((w) => w.trim())
        .filter((w) => w !== ""),
    ),
  ];
}
