// The conversation engine with its turns run through the TurnScheduler: LINE events (already acknowledged)
// queue behind people waiting on an HTTP answer (the web chat pane, Slack), and no burst of turns can hold
// up the event loop that acknowledges webhooks.
import {
  ConversationEngine,
  type ConversationEngineOptions,
  type EngineInput,
} from "../../dialogue/engine/conversation-engine.js";
import type { Reply } from "../../dialogue/reply/reply.js";
import type { TurnPriority, TurnScheduler } from "./turn-scheduler.js";

export class ScheduledConversationEngine extends ConversationEngine {
  constructor(
    options: ConversationEngineOptions,
    private readonly scheduler: TurnScheduler,
  ) {
    super(options);
  }

  override respond(input: EngineInput): Promise<Reply> {
    return this.scheduler.run(priorityOf(input.channel), () => super.respond(input));
  }
}

/** LINE ("line", "line/<name>") answers after its acknowledgement; everyone else is waiting for the answer. */
export function priorityOf(channel: string): TurnPriority {
  return channel === "line" || channel.startsWith("line/") ? "background" : "interactive";
}
