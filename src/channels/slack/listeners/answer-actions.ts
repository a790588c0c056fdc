// The buttons and the select on an answer: 詳しく, a choice from a numbered list, a suggested next step,
// the municipality filter (redraws the answer) and 「チャンネルに共有」 (posts the asker's private answer
// in the channel, then replaces the private one with a note). Answers to buttons are private to the clicker.
import type { App, BlockAction, ButtonAction, StaticSelectAction } from "@slack/bolt";
import type { Action } from "../../../dialogue/reply/reply.js";
import { decodeAction, decodeLookup, type LookupState } from "../action-value.js";
import {
  ALL_MUNICIPALITIES,
  FILTER_ACTION,
  SELECT_ACTION_PREFIX,
  SHARE_ACTION,
  SUGGESTION_ACTION_PREFIX,
} from "../render/answer-message.js";
import { DETAILS_ACTION } from "../render/program-section.js";
import type { SlackLookup, StaffMember } from "../slack-lookup.js";

const STALE = "このボタンは使えなくなりました。もう一度調べてください。";

export function registerAnswerActions(app: App, lookup: SlackLookup): void {
  const answerAction =
    (toAction: (value: string) => Action | undefined) =>
    async ({
      ack,
      body,
      action,
      respond,
    }: {
      ack: () => Promise<void>;
      body: BlockAction;
      action: ButtonAction;
      respond: (m: object) => Promise<unknown>;
    }) => {
      await ack();
      const engineAction = action.value ? toAction(action.value) : undefined;
      if (!engineAction)
        return void (await respond({ response_type: "ephemeral", replace_original: false, text: STALE }));
      const message = await lookup.action(staff(body), engineAction).catch((e: unknown) => lookup.failed(e));
      await respond({ response_type: "ephemeral", replace_original: false, ...message });
    };

  app.action<BlockAction<ButtonAction>>(
    DETAILS_ACTION,
    answerAction((programId) => ({ kind: "aspect", programId, aspect: "detail" })),
  );
  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${SELECT_ACTION_PREFIX}`),
    answerAction((programId) => ({ kind: "select", programId })),
  );
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${SUGGESTION_ACTION_PREFIX}`), answerAction(decodeAction));

  app.action<BlockAction<StaticSelectAction>>(FILTER_ACTION, async ({ ack, body, action, respond }) => {
    await ack();
    const state = decodeLookup(action.block_id.replace(/^lookup:/, ""));
    if (!state) return void (await respond({ response_type: "ephemeral", replace_original: false, text: STALE }));
    const m = action.selected_option.value === ALL_MUNICIPALITIES ? undefined : action.selected_option.value;
    const next: LookupState = m ? { q: state.q, m } : { q: state.q };
    const shareable = body.container?.["is_ephemeral"] === true;
    const message = await lookup
      .words(staff(body), next, { shareable, standalone: true })
      .catch((e: unknown) => lookup.failed(e));
    await respond({ replace_original: true, ...message });
  });

  app.action<BlockAction<ButtonAction>>(SHARE_ACTION, async ({ ack, body, action, respond }) => {
    await ack();
    const state = decodeLookup(action.value);
    if (!state) return void (await respond({ response_type: "ephemeral", replace_original: false, text: STALE }));
    const message = await lookup
      .words(staff(body), state, { sharedBy: body.user.id, standalone: true })
      .catch((e: unknown) => lookup.failed(e));
    await respond({ response_type: "in_channel", replace_original: false, ...message });
    await respond({ replace_original: true, text: "チャンネルに共有しました。" });
  });
}

function staff(body: BlockAction): StaffMember {
  return { team: body.team?.id ?? undefined, user: body.user.id };
}
