// How many answers the bot posted in a thread (an app_mention is answered in the thread under it), read
// from what the fake Slack API of the feature tests recorded: a retried event_id answered twice shows up.
import type { FakeSlackApi } from "../../test/fakes/slack-api.js";

export function postsInThread(api: FakeSlackApi, ts: string): number {
  return api.callsTo("chat.postMessage").filter((c) => String(c.args["thread_ts"] ?? c.args["channel"] ?? "") === ts)
    .length;
}
