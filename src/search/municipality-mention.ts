// Finds a municipality named in a question (「飯塚 移住 補助」, 「伊万里市の婚活」, 「いまりしの…」), so an
// unscoped question searches that municipality only, and the name is not scored as a topic word.

export interface NamedMunicipality {
  name: string;
  reading?: string;
}

export interface Mention {
  municipality: string;
  start: number;
  end: number;
}

export class MunicipalityMatcher {
  /** Forms by their first character, longest first: a question is scanned once, whatever the country's size. */
  private readonly byFirst = new Map<string, { form: string; municipality: string }[]>();

  constructor(municipalities: readonly NamedMunicipality[]) {
    const forms: { form: string; municipality: string }[] = [];
    for (const m of municipalities) {
      const short = m.name.replace(/[市町村区]$/u, "");
      const candidates = [m.name, short, m.reading, m.reading?.replace(/(し|まち|ちょう|むら|そん|く)$/u, "")];
      for (const form of new Set(candidates)) if (form && form.length >= 2) forms.push({ form, municipality: m.name });
    }
    for (const f of forms.sort((a, b) => b.form.length - a.form.length)) {
      const first = f.form[0]!;
      if (!this.byFirst.has(first)) this.byFirst.set(first, []);
      this.byFirst.get(first)!.push(f);
    }
  }

  /** The leftmost, then longest, mention in a normalized text that `accept` takes (a whole word, say). */
  find(text: string, accept: (m: Mention) => boolean = () => true): Mention | undefined {
    for (let start = 0; start < text.length; start++) {
      for (const { form, municipality } of this.byFirst.get(text[start]!) ?? []) {
        if (!text.startsWith(form, start)) continue;
        const mention = { municipality, start, end: start + form.length };
        if (accept(mention)) return mention;
      }
    }
    return undefined;
  }
}
