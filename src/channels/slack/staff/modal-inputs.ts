// The input blocks both staff modals (an answer, a program fact) are made of, and how their submitted
// values are read back: every input's action_id is INPUT, so a value is found by its block alone.
import { plain, type KnownBlock } from "../render/block-types.js";

export const INPUT = "value";

/** What Slack sends back for a view's inputs (view.state.values): block_id → action_id → value. */
export type ViewValues = Record<
  string,
  Record<string, { value?: string | null; selected_date?: string | null; selected_option?: { value?: string } | null }>
>;

export function textInput(
  block: string,
  label: string,
  element: Record<string, unknown>,
  hint?: string,
  optional = false,
): KnownBlock {
  return {
    type: "input",
    block_id: block,
    optional,
    label: plain(label),
    element: { type: "plain_text_input", action_id: INPUT, ...element },
    ...(hint ? { hint: plain(hint) } : {}),
  } as KnownBlock;
}

/** An optional date picker. */
export function dateInput(block: string, label: string, hint?: string): KnownBlock {
  return {
    type: "input",
    block_id: block,
    optional: true,
    label: plain(label),
    element: { type: "datepicker", action_id: INPUT },
    ...(hint ? { hint: plain(hint) } : {}),
  } as KnownBlock;
}

/** A text input's value, trimmed ("" when empty). */
export const textValue = (values: ViewValues, block: string) => values[block]?.[INPUT]?.value?.trim() ?? "";

/** A date picker's value, if one was picked. */
export const dateValue = (values: ViewValues, block: string) => values[block]?.[INPUT]?.selected_date ?? undefined;
