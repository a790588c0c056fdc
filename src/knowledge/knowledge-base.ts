// The loaded, validated knowledge: immutable once built, swapped whole on reload.
import type { Faq, Municipality, Program, SourceDocument } from "./schema.js";
import type { FactField, StaffFact } from "./staff/staff-fact.js";
import { DEFAULT_STAFF_SETTINGS, type StaffSettings } from "./staff/staff-settings.js";

/** Where an entry is written: the file as shown to staff, its absolute path, and the entry's first line. */
export interface EntryOrigin {
  file: string;
  path: string;
  line: number | undefined;
}

export interface KnowledgeBaseInit {
  dir: string;
  municipalities: Municipality[];
  programs: Program[];
  faqs: Faq[];
  /** Program facts confirmed by staff (an overlay beside the documents'). */
  staffFacts?: StaffFact[];
  /** knowledge/staff/settings.yaml (defaults when absent). */
  staffSettings?: StaffSettings;
  /** Content hash of every knowledge file: changes exactly when the knowledge does. */
  version: string;
  loadedAt: Date;
  /** Program and FAQ ids → where they are written (for messages to staff). */
  origins?: ReadonlyMap<string, EntryOrigin>;
}

export class KnowledgeBase {
  readonly dir: string;
  readonly municipalities: readonly Municipality[];
  readonly programs: readonly Program[];
  readonly faqs: readonly Faq[];
  readonly staffFacts: readonly StaffFact[];
  readonly staffSettings: StaffSettings;
  readonly version: string;
  readonly loadedAt: Date;
  private readonly programsById: Map<string, Program>;
  private readonly faqsById: Map<string, Faq>;
  private readonly municipalitiesByName: Map<string, Municipality>;
  private readonly origins: ReadonlyMap<string, EntryOrigin>;
  private readonly factsByProgram: Map<string, StaffFact[]>;

  constructor(private readonly init: KnowledgeBaseInit) {
    this.dir = init.dir;
    this.municipalities = init.municipalities;
    this.programs = init.programs;
    this.faqs = init.faqs;
    this.staffFacts = init.staffFacts ?? [];
    this.staffSettings = init.staffSettings ?? DEFAULT_STAFF_SETTINGS;
    this.factsByProgram = new Map();
    for (const f of this.staffFacts)
      this.factsByProgram.set(f.program, [...(this.factsByProgram.get(f.program) ?? []), f]);
    this.version = init.version;
    this.loadedAt = init.loadedAt;
    this.programsById = new Map(init.programs.map((p) => [p.id, p]));
    this.faqsById = new Map(init.faqs.map((f) => [f.id, f]));
    this.municipalitiesByName = new Map(init.municipalities.map((m) => [m.name, m]));
    this.origins = init.origins ?? new Map();
  }

  /**
   * What this knowledge base was made from: a copy of it is the same knowledge (a snapshot, or knowledge
   * loaded in a worker thread, is passed on as this and rebuilt with the constructor).
   */
  toInit(): KnowledgeBaseInit {
    return this.init;
  }

  /** The file and line a program or FAQ entry is written at (undefined for knowledge built in memory). */
  origin(id: string): EntryOrigin | undefined {
    return this.origins.get(id);
  }

  get entryCount(): number {
    return this.programs.length + this.faqs.length;
  }

  program(id: string): Program | undefined {
    return this.programsById.get(id);
  }

  faq(id: string): Faq | undefined {
    return this.faqsById.get(id);
  }

  /** The staff-confirmed facts of a program, in the order amount, apply, contact, status as written. */
  staffFactsOf(programId: string): readonly StaffFact[] {
    return this.factsByProgram.get(programId) ?? [];
  }

  staffFact(programId: string, field: FactField): StaffFact | undefined {
    return this.staffFactsOf(programId).find((f) => f.field === field);
  }

  municipality(name: string): Municipality | undefined {
    return this.municipalitiesByName.get(name);
  }

  /** The document a program cites (the loader has checked that it exists). */
  sourceOf(program: Program): SourceDocument {
    const doc = this.municipality(program.municipality)?.sources.find((s) => s.id === program.source.document);
    if (!doc) throw new Error(`program ${program.id} cites unknown document ${program.source.document}`);
    return doc;
  }

  /** Resolves what a user typed as a municipality ("伊万里", "伊万里市", "imari") to its full name. */
  resolveMunicipality(input: string | null | undefined): string | undefined {
    if (!input) return undefined;
    const s = input.normalize("NFKC").trim();
    for (const m of this.municipalities) {
      if (s === m.name || s === m.slug || s === m.name.replace(/[市町村区]$/, "") || s === m.reading) return m.name;
    }
    return undefined;
  }
}
