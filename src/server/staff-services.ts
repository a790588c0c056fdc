// What the server gives staff: StaffChanges on the served knowledge (the Slack App Home uses it), and the
// reload notices between replicas. After a change this replica reloads at once and publishes a notice
// (REDIS_URL); a notice from another replica or from `madoguchi staff approve` reloads this one.
import { ConfigError, type ServerConfig } from "../config/server-config.js";
import type { Logger } from "./logging/logger.js";
import type { KnowledgeRuntime } from "./live-knowledge/knowledge-runtime.js";
import type { SearchIndex } from "../search/search-index.js";
import { StaffChanges } from "../knowledge/staff/staff-changes.js";
import { reviewFromEnv, type ReviewPolicy } from "../knowledge/staff/review-policy.js";
import { subscribeKnowledgeNotices, type KnowledgeNotices } from "../shared-state/knowledge-notice.js";

export interface StaffServices {
  /** Changes with a policy given by the channel (Slack checks its own approvers). */
  changes(policy: Omit<ReviewPolicy, "review">): StaffChanges;
  review: boolean;
  close(): Promise<void>;
}

export interface StaffServicesOptions {
  config: ServerConfig;
  runtime: KnowledgeRuntime<SearchIndex>;
  logger: Logger;
  now: () => Date;
}

export async function staffServices(o: StaffServicesOptions): Promise<StaffServices> {
  let review: boolean;
  try {
    review = reviewFromEnv(o.config.env);
  } catch {
    throw new ConfigError("MADOGUCHI_STAFF_REVIEW", "must be on or off");
  }
  const notices: KnowledgeNotices | undefined = await subscribeKnowledgeNotices(o.config.env, () => {
    void o.runtime.reload("notice from another replica");
  });
  const onPublished = async () => {
    await o.runtime.reload("staff change");
    await notices
      ?.publish()
      .catch((e: unknown) => o.logger.warn({ err: e }, "could not tell the other replicas to reload"));
  };
  return {
    review,
    changes: (policy) =>
      new StaffChanges({
        dir: o.config.knowledgeDir,
        policy: { review, mayApprove: policy.mayApprove },
        knowledge: () => o.runtime.current().knowledge,
        now: o.now,
        onPublished,
        env: o.config.env,
      }),
    close: async () => {
      await notices?.close();
    },
  };
}
