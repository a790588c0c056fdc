// Masks personal data in message text before it is logged or stored: My Number (12 digits, also written
// 4-4-4 with spaces or hyphens), phone numbers (090-1234-5678, 0955-23-1234, (0948)22-5500, +81 90 …) and
// e-mail addresses. Full-width digits and the dashes an IME produces (０９０ー１２３４ー５６７８) count too.
// Patterns run on a same-length ASCII copy of the text; the masks are then put into the original text, so
// everything around them is kept exactly as written.

const DASHES = /[-－ー―‐‑–—−]/u;

export const MASKS = { email: "[メール]", myNumber: "[個人番号]", phone: "[電話番号]" } as const;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const MY_NUMBER = /(?<![\d-])\d{4}[ -]?\d{4}[ -]?\d{4}(?![\d-])/g;
const PHONE_INTERNATIONAL = /\+81[ -]?\(?0?\d{1,4}\)?[ -]?\d{1,4}[ -]?\d{3,4}(?![\d-])/g;
const PHONE_DOMESTIC = /(?<![\d+-])(?:\(0\d{1,4}\)[ -]?|0\d{1,4}[ -]?)\(?\d{1,4}\)?[ -]?\d{3,4}(?![\d-])/g;

export function maskPersonalData(text: string): string {
  // Most strings that reach a log (routes, ids, event types, counts) cannot hold any of these: a mask needs
  // an @ or at least 10 digits. The full scan of every log line's strings was about a tenth of the CPU
  // the server spent acknowledging a 2,000-event spike (CPU profile, answering held back).
  return mayHoldPersonalData(text) ? maskScanned(text) : text;
}

/** The full scan, without the shortcut (exported for the test that shows both give the same text). */
export function maskScanned(text: string): string {
  let probe = toAsciiProbe(text);
  let out = text;
  const apply = (pattern: RegExp, mask: string, accept: (m: string) => boolean = () => true) => {
    const spans: [number, number][] = [];
    for (const m of probe.matchAll(pattern)) if (accept(m[0])) spans.push([m.index, m.index + m[0].length]);
    for (const [start, end] of spans.reverse()) {
      out = out.slice(0, start) + mask + out.slice(end);
      probe = probe.slice(0, start) + mask + probe.slice(end);
    }
  };
  apply(EMAIL, MASKS.email);
  apply(MY_NUMBER, MASKS.myNumber);
  apply(PHONE_INTERNATIONAL, MASKS.phone, (m) => digitCount(m) >= 11 && digitCount(m) <= 13);
  apply(PHONE_DOMESTIC, MASKS.phone, (m) => digitCount(m) >= 10 && digitCount(m) <= 11);
  return out;
}

/**
 * Whether any pattern can match: an e-mail needs an @ (or a full-width ＠), a My Number 12 digits and a phone
 * number 10 (half- or full-width digits: the probe turns ０-９ into 0-9, and \d matches nothing else).
 */
function mayHoldPersonalData(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x40 || c === 0xff20) return true;
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) {
      if (++digits >= 10) return true;
    }
  }
  return false;
}

/** Same length as the input (each character maps to one UTF-16 unit), ASCII digits and separators. */
function toAsciiProbe(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000ー―‐‑–—−]/gu, (c) => {
    if (c === "\u3000") return " ";
    if (DASHES.test(c)) return "-";
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
}

function digitCount(s: string): number {
  return s.replace(/\D/g, "").length;
}
