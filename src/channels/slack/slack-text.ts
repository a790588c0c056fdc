// Text as Slack delivers it (a mention's text, a staff reply in a thread) turned into what the person
// meant, for the engine or for a resident on another channel. Slack's wire format marks mentions, channels
// and links with <…> and escapes &, <, > as entities.

/** `<@U123>` mentions of the bot, removed from an app mention's text. */
export function withoutMentionOf(botUserId: string | undefined, text: string): string {
  const own = botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, "g") : /^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>/;
  return text.replace(own, " ").replace(/\s+/g, " ").trim();
}

/**
 * Slack's markup as plain words: a link as its label and address (「こちら（https://…）」, so a resident
 * on LINE still gets the address staff sent), mentions by name, entities decoded.
 */
export function slackToPlainText(text: string): string {
  return text
    .replace(/<([^<>|]+)\|([^<>]*)>/g, (_m, target: string, label: string) =>
      /^[@#!]/.test(target) ? prefixed(target, label) : linkText(target, label),
    )
    .replace(/<([^<>]+)>/g, (_m, target: string) => (/^[@#!]/.test(target) ? prefixed(target, "") : target))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function linkText(target: string, label: string): string {
  const address = target.replace(/^mailto:/, "");
  return label === "" || label === address ? address : `${label}（${address}）`;
}

function prefixed(target: string, label: string): string {
  if (target.startsWith("!")) return `@${label || target.slice(1).split("^")[0]}`;
  return `${target[0]}${label || "…"}`;
}
