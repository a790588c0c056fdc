// How big each fault scenario is: the bench's figures, and the bounded ones of `npm run test:reliability`.

export interface FaultProfile {
  spikeEvents: number;
  /** The kill comes once this many events of the spike were acknowledged (so it hits acknowledged work). */
  killAfterAcked: number;
  /** How long the LINE API stays down, and the event rate meanwhile. */
  lineDownSeconds: number;
  lineDownRate: number;
  /** Events per second while Redis restarts, for how long, and how long Redis stays down. */
  redisRate: number;
  redisSeconds: number;
  redisDownMs: number;
  /** Idle time after which a dead replica's entries are claimed (MADOGUCHI_CLAIM_IDLE_MS). */
  claimIdleMs: number;
  /** How long the Slack API answers 503. */
  slackDownSeconds: number;
  /** Slack mentions acknowledged and waiting when the only process is killed. */
  slackKillEvents: number;
  /** Size of the tmpfs the disk-full journal lives on. */
  tinyDiskBytes: number;
}

export const BENCH_FAULTS: FaultProfile = {
  spikeEvents: 1_000,
  killAfterAcked: 500,
  lineDownSeconds: 60,
  lineDownRate: 20,
  redisRate: 100,
  redisSeconds: 20,
  redisDownMs: 5_000,
  claimIdleMs: 5_000,
  slackDownSeconds: 60,
  slackKillEvents: 200,
  tinyDiskBytes: 64 * 1024,
};

export const CI_FAULTS: FaultProfile = {
  spikeEvents: 1_000,
  killAfterAcked: 500,
  lineDownSeconds: 12,
  lineDownRate: 20,
  redisRate: 100,
  redisSeconds: 10,
  redisDownMs: 3_000,
  claimIdleMs: 3_000,
  slackDownSeconds: 10,
  slackKillEvents: 40,
  tinyDiskBytes: 64 * 1024,
};
