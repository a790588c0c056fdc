// The App Home: drawn when a staff member opens it, redrawn after 「対象外」 or a recorded synonym.
// 「同義語を追加」 opens a modal; its submission is validated like the review file and then appended to it.
import type { App, BlockAction, ButtonAction, webApi } from "@slack/bolt";
import { SynonymProposal } from "../../../knowledge/synonym-proposals.js";
import { DISMISS_QUESTION_ACTION, homeView, MAX_UNANSWERED, PROPOSE_SYNONYM_ACTION } from "../home/home-view.js";
import {
  MEANS_BLOCK,
  splitWords,
  SYNONYM_MODAL_CALLBACK,
  synonymModal,
  WORD_INPUT,
  WORDS_BLOCK,
} from "../home/synonym-modal.js";
import type { StaffInsights } from "../home/staff-insights.js";
import type { SynonymProposalSink } from "../home/synonym-proposal-sink.js";
import type { SlackLog } from "../slack-deps.js";
import type { HomeStaffPart } from "../home/home-view.js";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export interface HomeDeps {
  insights: StaffInsights;
  proposals?: SynonymProposalSink;
  mask: (text: string) => string;
  log: SlackLog;
  now: () => number;
  /** The staff workflow's part of the App Home for this user (listeners/staff-listeners.ts), when it is on. */
  staffPart?: (user: string) => Promise<HomeStaffPart>;
}

/** Draws a user's App Home (after an action, with a notice saying what happened). */
export type PublishHome = (client: webApi.WebClient, user: string, notice?: string) => Promise<void>;

export function homePublisher(deps: HomeDeps): PublishHome {
  return async (client, user, notice) => {
    const now = deps.now();
    const [summary, unanswered, staff] = await Promise.all([
      deps.insights.summary(now - WEEK_MS),
      deps.insights.unanswered(MAX_UNANSWERED),
      deps.staffPart?.(user),
    ]);
    await client.views.publish({ user_id: user, view: homeView(summary, unanswered, now, notice, staff) });
  };
}

export function registerHomeListeners(app: App, deps: HomeDeps): void {
  const publish = homePublisher(deps);

  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab === "home") await publish(client, event.user);
  });

  app.action<BlockAction<ButtonAction>>(DISMISS_QUESTION_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    const done = await deps.insights.dismiss(action.value ?? "", body.user.id);
    deps.log.info({ question: action.value, done }, "slack: question marked out of scope");
    await publish(client, body.user.id, done ? "「対象外」にしました。一覧から外れます。" : undefined);
  });

  app.action<BlockAction<ButtonAction>>(PROPOSE_SYNONYM_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    const question = await deps.insights.question(action.value ?? "");
    if (!question)
      return void (await publish(
        client,
        body.user.id,
        "この質問はもう残っていません（再起動で記録が消えた可能性があります）。",
      ));
    if (!deps.proposals)
      return void (await publish(client, body.user.id, "同義語の提案を記録する場所が設定されていません。"));
    await client.views.open({ trigger_id: body.trigger_id, view: synonymModal(question) });
  });

  app.view(SYNONYM_MODAL_CALLBACK, async ({ ack, body, view, client }) => {
    const values = view.state.values;
    const words = splitWords(values[WORDS_BLOCK]?.[WORD_INPUT]?.value ?? "");
    const means = splitWords(values[MEANS_BLOCK]?.[WORD_INPUT]?.value ?? "");
    const question = await deps.insights.question(view.private_metadata);
    const proposal = {
      words,
      means,
      question: question ? deps.mask(question.text).slice(0, 500) : undefined,
      proposedBy: body.user.id,
      proposedAt: new Date(deps.now()).toISOString(),
      status: "proposed" as const,
    };
    const checked = SynonymProposal.safeParse(proposal);
    if (!checked.success)
      return void (await ack({ response_action: "errors", errors: fieldErrors(checked.error.issues) }));
    await ack();
    await deps.proposals?.add(checked.data);
    deps.log.info({ user: body.user.id, words: words.length, means: means.length }, "slack: synonym proposed");
    await publish(
      client,
      body.user.id,
      `同義語の提案を記録しました: ${words.join("、")} → ${means.join("、")}（synonym-proposals.yaml で確認してください）`,
    );
  });
}

/** zod issues as the modal's per-field errors, in Japanese. */
function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const block = issue.path[0] === "means" ? MEANS_BLOCK : WORDS_BLOCK;
    errors[block] ??= /at least one|must not be empty/.test(issue.message)
      ? "ことばを入れてください。"
      : /too long|40/.test(issue.message)
        ? "ことばは1つ40文字までです。"
        : "入力を確かめてください。";
  }
  return errors;
}
