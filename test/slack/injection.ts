// Strings a person could type to make the bot's Slack message ping a channel, mention someone or carry
// a link, and a small model of what Slack's parser and auto-linker would pick out of a text object.

export const INJECTION_STRINGS: string[] = [
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<!channel|channel> 至急",
  "<@U024BE7LH>",
  "<@U024BE7LH|admin>",
  "<#C024BE7LR>",
  "<#C024BE7LR|general>",
  "<!subteam^SAZ94GDB8>",
  "<!date^1392734382^{date_short}|2014>",
  "<https://evil.example/phish|児童手当の申請はこちら>",
  "<http://evil.example>",
  "<https://evil.example|https://www.city.imari.saga.jp>",
  "<mailto:a@evil.example|問い合わせ>",
  "<tel:0312345678|市役所>",
  "<<!channel>>",
  "児童手当<!here>について教えて",
  "> 引用 <!channel>\n2行目 <!here>",
  "`<!channel>`",
  "*<!channel>*",
  "&lt;!channel&gt;",
  "&#60;!channel&#62;",
  "&amp;lt;!here&amp;gt;",
  "@channel 至急確認してください",
  "@here",
  "@everyone",
  "＠channel",
  "@U024BE7LH",
  "https://evil.example/phish?next=児童手当",
  "http://192.168.0.1/admin",
  "www.evil.example",
  "evil.example",
  "user@evil.example",
  "mailto:user@evil.example",
  "slack://open?team=T024BE7LD",
  "javascript:alert(1)",
  "ｈｔｔｐｓ：／／ｅｖｉｌ．ｅｘａｍｐｌｅ",
  "[申請はこちら](https://evil.example)",
  "\u202e<!channel>\u202c",
  "保育料 <https://evil.example|無料> 0120-123-456",
];

export interface TextObject {
  type: "plain_text" | "mrkdwn";
  text: string;
  verbatim?: boolean;
}

/** What Slack would turn into a mention, ping or link in this text object (empty = nothing). */
export function mentionsAndLinks(obj: TextObject): string[] {
  if (obj.type === "plain_text") return [];
  return [...new Set([...findIn(obj.text), ...findIn(obj.text.normalize("NFKC"))])];
}

/** The same for a message's top-level `text` (mrkdwn, never verbatim). */
export function mentionsAndLinksInText(text: string): string[] {
  return mentionsAndLinks({ type: "mrkdwn", text });
}

function findIn(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /<[^>]*>?/g, // any control sequence: <!channel>, <@U…>, <#C…>, <url|label>; a bare "<" as well
    />/g, // an unescaped ">" (Slack requires it escaped)
    /@(?:channel|here|everyone)\b/gi,
    /@[A-Za-z0-9][A-Za-z0-9._-]*/g,
    /\b[a-z][a-z0-9+.-]*:\/\/\S*/gi,
    /\b(?:mailto|tel|slack|javascript):\S+/gi,
    /\b(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}\b/g, // bare domains: evil.example, www.evil.example
  ];
  for (const p of patterns) for (const m of text.matchAll(p)) found.push(m[0]);
  return found;
}

/** Undoes Slack's three entities and our zero-width spaces: what a reader sees. */
export function asSlackShowsIt(mrkdwn: string): string {
  return mrkdwn
    .replace(/\u200b/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Every text object in a Block Kit payload, with where it is. */
export function textObjects(value: unknown, path = ""): { path: string; obj: TextObject }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => textObjects(v, `${path}[${i}]`));
  if (typeof value !== "object" || value === null) return [];
  const rec = value as Record<string, unknown>;
  if ((rec["type"] === "plain_text" || rec["type"] === "mrkdwn") && typeof rec["text"] === "string")
    return [{ path, obj: rec as unknown as TextObject }];
  return Object.entries(rec).flatMap(([k, v]) => textObjects(v, `${path}.${k}`));
}
