// The staff workflow in Slack: 「回答を登録」 under an unanswered question opens the answer modal; its
// submission becomes a draft (field errors go back to the modal); 「承認」 / 「差し戻し」 on a draft in the
// App Home decide it. Who pressed the button is the payload's user as Slack signed it, checked here
// against the approvers and the draft's author by StaffChanges; nothing in the view is trusted.
import type { App, BlockAction, ButtonAction, webApi } from "@slack/bolt";
import type { StaffChanges } from "../../../knowledge/staff/staff-changes.js";
import type { StaffActor } from "../../../knowledge/staff/review-policy.js";
import { answerEntry, factEntry } from "../../../knowledge/staff/new-entries.js";
import {
  ADD_FACT_ACTION,
  FACT_MODAL_CALLBACK,
  factModal,
  factModalErrors,
  missingFactFields,
  readFactSubmission,
} from "../staff/fact-modal.js";
import { ANSWER_QUESTION_ACTION, type HomeStaffPart } from "../home/home-view.js";
import type { StaffInsights } from "../home/staff-insights.js";
import type { PublishHome } from "./home-listeners.js";
import type { SlackLog } from "../slack-deps.js";
import {
  ANSWER_MODAL_CALLBACK,
  answerModal,
  missingFields,
  modalErrors,
  readAnswerSubmission,
  type AnswerModalContext,
} from "../staff/answer-modal.js";
import { APPROVE_DRAFT_ACTION, draftBlocks, REJECT_DRAFT_ACTION } from "../staff/draft-blocks.js";
import { REASON_BLOCK, REASON_INPUT, REJECT_MODAL_CALLBACK, rejectModal } from "../staff/reject-modal.js";
import type { SlackApprovers } from "../staff/slack-approvers.js";
import { plain } from "../render/block-types.js";
import { ANSWER_FROM_THREAD_ACTION, readThreadAnswerValue } from "../staff/thread-answer.js";
import { reviewBlocks } from "../staff/review-blocks.js";
import type { KnowledgeBase } from "../../../knowledge/knowledge-base.js";

export interface StaffListenerDeps {
  changes: StaffChanges;
  approvers: SlackApprovers;
  insights: StaffInsights;
  log: SlackLog;
  now: () => number;
  publish: PublishHome;
  /** The knowledge being served (the program a fact is added to). */
  knowledge: () => KnowledgeBase;
  /** The handoff desk, for 「回答を登録」 under a staff reply in a handoff thread. */
  handoff?: { ticketQuestion(ticketId: string): Promise<string | undefined> };
}

/** The App Home's staff part for one user: the drafts, with buttons only where this user may decide. */
export function staffHomePart(
  deps: Pick<StaffListenerDeps, "changes" | "approvers" | "now" | "knowledge">,
): (user: string) => Promise<HomeStaffPart> {
  return async (user) => {
    const [drafts, approver] = await Promise.all([deps.changes.drafts.list(), deps.approvers.mayApprove(user)]);
    const blocks = [
      ...draftBlocks(drafts, { userId: user, approver }),
      ...reviewBlocks(deps.knowledge(), new Date(deps.now())),
    ];
    const weekAgo = deps.now() - 7 * 24 * 3_600_000;
    const staffAnswers = deps
      .knowledge()
      .faqs.filter(
        (f) => f.source?.kind === "staff" && Date.parse(`${f.source.date}T23:59:59+09:00`) >= weekAgo,
      ).length;
    const numbers: [string, string][] = [
      ["今週職員が回答", `${staffAnswers}件`],
      ["承認待ち", `${drafts.filter((d) => d.status === "draft").length}件`],
    ];
    if (!deps.approvers.configured)
      blocks.push({
        type: "context",
        elements: [plain("承認できる職員が設定されていません（SLACK_STAFF_APPROVERS / SLACK_STAFF_APPROVER_GROUP）。")],
      });
    return { answerButtons: true, blocks, numbers };
  };
}

export function registerStaffListeners(app: App, deps: StaffListenerDeps): void {
  const names = new Map<string, string>();
  const actor = async (client: webApi.WebClient, userId: string): Promise<StaffActor> => ({
    name: names.get(userId) ?? (await displayName(client, userId, names)),
    slackId: userId,
  });

  app.action<BlockAction<ButtonAction>>(ANSWER_QUESTION_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    const question = await deps.insights.question(action.value ?? "");
    if (!question) return void (await deps.publish(client, body.user.id, "この質問はもう残っていません。"));
    await client.views.open({
      trigger_id: body.trigger_id,
      view: answerModal(question.text, { question: question.id }),
    });
  });

  app.action<BlockAction<ButtonAction>>(ANSWER_FROM_THREAD_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    const value = readThreadAnswerValue(action.value);
    const question = value ? await deps.handoff?.ticketQuestion(value.t) : undefined;
    await client.views.open({
      trigger_id: body.trigger_id,
      view: answerModal(question ?? "", { thread: value?.t }, value?.a),
    });
  });

  app.view(ANSWER_MODAL_CALLBACK, async ({ ack, body, view, client }) => {
    const submission = readAnswerSubmission(view.state.values as Parameters<typeof readAnswerSubmission>[0]);
    const missing = missingFields(submission);
    if (Object.keys(missing).length > 0) return void (await ack({ response_action: "errors", errors: missing }));
    const author = await actor(client, body.user.id);
    const entry = answerEntry({ ...submission, by: author.name, now: new Date(deps.now()) });
    const r = await deps.changes.proposeAnswer(entry, author);
    if (!r.ok) return void (await ack({ response_action: "errors", errors: modalErrors(r.errors) }));
    await ack();
    const context = parseContext(view.private_metadata);
    deps.log.info(
      { user: body.user.id, draft: r.draft.id, status: r.status, question: context.question },
      "slack: staff answer submitted",
    );
    await deps.publish(
      client,
      body.user.id,
      r.status === "draft"
        ? `下書きを保存しました（${r.draft.id}）。別の職員が承認すると住民への回答になります。`
        : `回答を登録しました（${r.draft.entry.id}）。住民への回答に反映されます。`,
    );
  });

  app.action<BlockAction<ButtonAction>>(ADD_FACT_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    const p = deps.knowledge().program(action.value ?? "");
    if (!p) return;
    await client.views.open({
      trigger_id: body.trigger_id,
      view: factModal({
        id: p.id,
        name: p.name,
        department: Array.isArray(p.department) ? p.department.join("・") : p.department,
      }),
    });
  });

  app.view(FACT_MODAL_CALLBACK, async ({ ack, body, view, client }) => {
    const s = readFactSubmission(view.state.values as Parameters<typeof readFactSubmission>[0]);
    const missing = missingFactFields(s);
    if (Object.keys(missing).length > 0 || !s.field)
      return void (await ack({ response_action: "errors", errors: missing }));
    const author = await actor(client, body.user.id);
    const entry = factEntry({
      program: view.private_metadata,
      field: s.field,
      value: s.value,
      department: s.department,
      by: author.name,
      url: s.url,
      date: s.date,
      now: new Date(deps.now()),
    });
    const r = await deps.changes.proposeFact(entry, author);
    if (!r.ok) return void (await ack({ response_action: "errors", errors: factModalErrors(r.errors) }));
    await ack();
    deps.log.info({ user: body.user.id, draft: r.draft.id, status: r.status }, "slack: staff fact submitted");
    await deps.publish(
      client,
      body.user.id,
      r.status === "draft"
        ? `制度の情報の下書きを保存しました（${r.draft.id}）。別の職員の承認を待っています。`
        : `制度の情報を登録しました（${r.draft.entry.id}）。`,
    );
  });

  app.action<BlockAction<ButtonAction>>(APPROVE_DRAFT_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    const r = await deps.changes.approve(action.value ?? "", await actor(client, body.user.id));
    deps.log.info({ user: body.user.id, draft: action.value, ok: r.ok }, "slack: draft approval");
    await deps.publish(
      client,
      body.user.id,
      r.ok ? `承認しました（${r.draft.id}）。住民への回答に反映されます。` : `承認できませんでした: ${r.reason}`,
    );
  });

  app.action<BlockAction<ButtonAction>>(REJECT_DRAFT_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    await client.views.open({ trigger_id: body.trigger_id, view: rejectModal(action.value ?? "") });
  });

  app.view(REJECT_MODAL_CALLBACK, async ({ ack, body, view, client }) => {
    const reason = view.state.values[REASON_BLOCK]?.[REASON_INPUT]?.value?.trim() ?? "";
    if (!reason)
      return void (await ack({ response_action: "errors", errors: { [REASON_BLOCK]: "理由を書いてください。" } }));
    await ack();
    const r = await deps.changes.reject(view.private_metadata, await actor(client, body.user.id), reason);
    deps.log.info({ user: body.user.id, draft: view.private_metadata, ok: r.ok }, "slack: draft sent back");
    await deps.publish(
      client,
      body.user.id,
      r.ok ? `差し戻しました（${r.draft.id}）。` : `差し戻しできませんでした: ${r.reason}`,
    );
  });
}

/** The name staff know each other by (display name, else real name), for the source line; the id if unknown. */
async function displayName(client: webApi.WebClient, userId: string, cache: Map<string, string>): Promise<string> {
  const r = await client.users.info({ user: userId }).catch(() => undefined);
  const name =
    r?.user?.profile?.display_name?.trim() ||
    r?.user?.real_name?.trim() ||
    r?.user?.profile?.real_name?.trim() ||
    userId;
  cache.set(userId, name);
  return name;
}

function parseContext(metadata: string): AnswerModalContext {
  try {
    return JSON.parse(metadata) as AnswerModalContext;
  } catch {
    return {};
  }
}
