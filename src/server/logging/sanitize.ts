// Makes any value safe to log: personal data and inline tokens masked in every string, CR/LF (and the Unicode line
// separators) replaced so one call stays one line, values under secret-looking keys replaced, and
// errors reduced to their type, masked message and stack. Applied to every log call (logger.ts).

export type Masker = (text: string) => string;

/** Keys whose values are secrets or signatures: never logged, whatever they hold. */
const SECRET_KEY = /secret|token|password|passwd|authorization|signature|cookie|api[-_]?key|credential/i;
const LINE_BREAKS = /[\r\n\u2028\u2029\u0085]+/g;
/**
 * Secrets that travel inside text, where no key names them: an Authorization value quoted in an error
 * message, a Slack token (xoxb-, xoxp-, xapp- …) in a library's log line.
 */
const SECRET_IN_TEXT = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}|\b(xox[abeoprs]|xapp)-[A-Za-z0-9-]{6,}/gi;
const MAX_DEPTH = 6;
const MAX_STRING = 2_000;

export function sanitizeString(text: string, mask: Masker): string {
  const clipped = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…(${text.length} chars)` : text;
  return mask(clipped)
    .replace(SECRET_IN_TEXT, (_, scheme: string | undefined) => (scheme ? `${scheme} [redacted]` : "[redacted]"))
    .replace(LINE_BREAKS, " ");
}

export function sanitizeValue(value: unknown, mask: Masker, depth = 0): unknown {
  if (typeof value === "string") return sanitizeString(value, mask);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[nested too deep]";
  if (value instanceof Error) return sanitizeError(value, mask);
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => sanitizeValue(v, mask, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[sanitizeString(k, mask)] = SECRET_KEY.test(k) ? "[redacted]" : sanitizeValue(v, mask, depth + 1);
  }
  return out;
}

function sanitizeError(e: Error, mask: Masker): Record<string, unknown> {
  const out: Record<string, unknown> = { type: e.name, message: sanitizeString(e.message, mask) };
  if (e.stack) out["stack"] = sanitizeString(e.stack, mask);
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string" || typeof code === "number") out["code"] = code;
  return out;
}
