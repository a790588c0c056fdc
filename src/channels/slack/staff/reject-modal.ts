// The modal behind 「差し戻し」: the reason, which the author sees (required).
import { plain, type ModalView } from "../render/block-types.js";

export const REJECT_MODAL_CALLBACK = "staff_reject";
export const REASON_BLOCK = "reason";
export const REASON_INPUT = "value";

export function rejectModal(draftId: string): ModalView {
  return {
    type: "modal",
    callback_id: REJECT_MODAL_CALLBACK,
    private_metadata: draftId,
    title: plain("差し戻し"),
    submit: plain("差し戻す"),
    close: plain("やめる"),
    blocks: [
      {
        type: "input",
        block_id: REASON_BLOCK,
        label: plain("理由（作成した職員に伝わります）"),
        element: { type: "plain_text_input", action_id: REASON_INPUT, multiline: true, max_length: 500 },
      },
    ],
  };
}
