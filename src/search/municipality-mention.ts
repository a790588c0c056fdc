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
  private readonly forms: { form: string; municipality: string }[];

  constructor(municipalities: readonly NamedMunicipality[]) {
    const forms: { form: string; municipality: string }[] = [];
    for (const m of municipalities) {
      const short = m.name.replace(/[市町村区]$/u, "");
      const candidates = [m.name, short, m.reading, m.reading?.replace(/(し|まち|ちょう|むら|そん|く)$/u, "")];
      for (const form of new Set(candidates)) if (form && form.length >= 2) forms.push({ form, municipality: m.name });
    }
    this.forms = forms.sort((a, b) => b.form.length - a.form.length);
  }

  /** The leftmost, then longest, mention in a normalized text. */
  find(text: string): Mention | undefined {
    let found: Mention | undefined;
    for (const { form, municipality } of this.forms) {
      const start = text.indexOf(form);
      if (start < 0) continue;
      if (!found || start < found.start) found = { municipality, start, end: start + form.length };
    }
    return found;
  }
}
