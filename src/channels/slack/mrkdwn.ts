// Putting text that came from a person (a resident's question, a staff member's words) into Slack.
// Slack's mrkdwn turns `<…>` into links, mentions and channel pings (`<!channel>`, `<@U123>`,
// `<https://x|label>`), and, unless a text object is `verbatim`, also auto-links bare URLs, e-mail
// addresses, domains and `@here` / `@channel`. So person text is escaped (`&`, `<`, `>` as Slack's docs
// ask) and the sequences the auto-linker looks for are broken with a zero-width space; mrkdwn objects
// carrying it are also marked verbatim by the renderers. Text from the knowledge base is ours and only
// needs the escaping.

const ZWSP = "\u200b";

/** Slack's required escaping for mrkdwn: `&`, `<`, `>` (in that order, so `&lt;` is not double-read). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Person text for a mrkdwn field: escaped, and nothing in it can become a mention, ping or link. */
export function personMrkdwn(text: string): string {
  return defuseAutoLinks(escapeMrkdwn(stripControls(text)));
}

/** Person text for a plain_text field: never parsed by Slack, so only control characters go. */
export function personPlainText(text: string): string {
  return stripControls(text);
}

/**
 * Breaks `@name`, `scheme:`, `scheme://` and `word.tld` (also in full-width forms, which some clients
 * normalise) so no auto-linker recognises them. Only a zero-width space is added: the text reads the same.
 */
function defuseAutoLinks(text: string): string {
  return text
    .replace(/[@＠]/g, (at) => `${at}${ZWSP}`)
    .replace(/([A-Za-zＡ-Ｚａ-ｚ][A-Za-z0-9+.\-Ａ-Ｚａ-ｚ０-９]*)([:：])/g, `$1${ZWSP}$2`)
    .replace(/([:：])(?=[/／])/g, `$1${ZWSP}`)
    .replace(/([A-Za-z0-9Ａ-Ｚａ-ｚ０-９-])([.．])(?=[A-Za-zＡ-Ｚａ-ｚ])/g, `$1${ZWSP}$2`);
}

/** Tabs and newlines stay; other control characters (and bidi overrides that disguise text) go. */
function stripControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "");
}

/**
 * Shortens text to at most `max` UTF-16 units (Slack's limits are in characters; units are never fewer),
 * ending with "…". Never cuts a surrogate pair or an escaped entity (`&amp;`) in half.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/&[a-z]{0,4}$/, "");
  return `${cut}…`;
}
