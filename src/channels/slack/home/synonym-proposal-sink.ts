// Records 「同義語を追加」 proposals in knowledge/synonym-proposals.yaml, one append at a time (the file is
// rewritten whole, so two appends at once would lose one).
import { appendSynonymProposal, type SynonymProposal } from "../../../knowledge/synonym-proposals.js";

export interface SynonymProposalSink {
  add(proposal: SynonymProposal): Promise<void>;
}

export class SynonymProposalFile implements SynonymProposalSink {
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly knowledgeDir: string) {}

  add(proposal: SynonymProposal): Promise<void> {
    const next = this.last.then(() => appendSynonymProposal(this.knowledgeDir, proposal));
    this.last = next.catch(() => undefined);
    return next;
  }
}
