// What the App Home shows staff, as data: the week's questions by channel, the no-match rate, the programs
// asked about most, and the latest questions nobody could answer (masked) with the terms they became.
// The server provides it from the conversation engine's turn log.

export interface UnansweredQuestion {
  id: string;
  /** Milliseconds since the epoch. */
  at: number;
  /** Where it was asked: line, slack, web … */
  channel: string;
  municipality?: string;
  /** The question with personal data masked. */
  text: string;
  /** What the tokenizer and synonyms made of it (SearchIndex.explain). */
  terms: string[];
  /** How often it (or a paraphrase the search reads the same way) was asked. */
  count?: number;
}

export interface ProgramCount {
  id: string;
  name: string;
  municipality: string;
  count: number;
}

export interface WeekSummary {
  /** Start of the period counted (milliseconds since the epoch); the period ends now. */
  since: number;
  questions: number;
  noMatch: number;
  /** Distinct unanswered questions (paraphrases grouped), not marked 対象外. */
  unansweredGroups?: number;
  byChannel: { channel: string; questions: number }[];
  topPrograms: ProgramCount[];
}

export interface StaffInsights {
  summary(since: number): Promise<WeekSummary>;
  /** The latest unanswered questions not marked 対象外, newest first. */
  unanswered(limit: number): Promise<UnansweredQuestion[]>;
  question(id: string): Promise<UnansweredQuestion | undefined>;
  /** 「対象外」: the question is outside what the bot is for; it leaves the list. false when unknown. */
  dismiss(id: string, by: string): Promise<boolean>;
}
