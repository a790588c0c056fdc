// Per-resident flood control on LINE. LINE must always get 200 (a non-2xx makes it resend the whole batch,
// which only adds load), so the limit is applied to the answer instead: within the burst every message is
// answered; the first one past it gets one polite 「少しお待ちください」; the rest of the overflow is read
// and dropped silently until the bucket refills. (The LINE channel words the notice: fixed-replies.ts.)
import type { RateBuckets } from "../../shared-state/rate-buckets.js";
import type { RateRule } from "../../shared-state/token-bucket.js";

import type { Admission } from "../../channels/channel-context.js";

export interface LineAdmissionOptions {
  buckets: RateBuckets;
  /** undefined: every message is answered. */
  rule: RateRule | undefined;
  /** Counts refusals (the server's metrics); outcome is "notice" or "drop". */
  onLimited?: (channel: string, outcome: Exclude<Admission, "answer">) => void;
}

/** Decides whether to answer one message of `user` on the LINE channel `channel` ("line", "line/<name>"). */
export function lineAdmission(options: LineAdmissionOptions): (channel: string, user: string) => Promise<Admission> {
  const { rule } = options;
  if (!rule) return async () => "answer";
  return async (channel, user) => {
    const r = await options.buckets.take(`rate:${channel}:${user}`, rule);
    if (r.allowed) return "answer";
    const outcome = r.firstRefusal ? "notice" : "drop";
    options.onLimited?.(channel, outcome);
    return outcome;
  };
}
