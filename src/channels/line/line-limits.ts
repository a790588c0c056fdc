// LINE Messaging API limits (../shared/guides/platform-limits.md, LINE's docs), checked on every outgoing
// message by the renderer's tests and by the fake platform. One validator, so the two cannot disagree.
import type { messagingApi } from "@line/bot-sdk";

export const LINE_LIMITS = {
  messagesPerRequest: 5,
  textUnits: 5_000,
  altTextUnits: 1_500,
  /** "30 KB" / "50 KB": counted here as 1,000-byte KB of UTF-8 JSON, the stricter reading. */
  bubbleJsonBytes: 30_000,
  carouselJsonBytes: 50_000,
  carouselBubbles: 12,
  quickReplyItems: 13,
  actionLabelUnits: 20,
  postbackDataUnits: 300,
  actionTextUnits: 300,
  requestBytes: 2 * 1024 * 1024,
} as const;

export interface LimitProblem {
  /** JSON path of the offending value, e.g. messages[0].contents.contents[3].footer. */
  path: string;
  message: string;
}

const jsonBytes = (v: unknown): number => Buffer.byteLength(JSON.stringify(v), "utf8");

/** Everything wrong with a list of messages as the body of one reply or push. Empty when valid. */
export function validateLineMessages(messages: readonly unknown[]): LimitProblem[] {
  const problems: LimitProblem[] = [];
  if (messages.length < 1 || messages.length > LINE_LIMITS.messagesPerRequest) {
    problems.push({
      path: "messages",
      message: `${messages.length} messages; must be 1–${LINE_LIMITS.messagesPerRequest}`,
    });
  }
  messages.forEach((m, i) => problems.push(...validateMessage(m, `messages[${i}]`)));
  if (jsonBytes({ messages }) > LINE_LIMITS.requestBytes)
    problems.push({ path: "messages", message: "request over 2 MB" });
  return problems;
}

function validateMessage(message: unknown, path: string): LimitProblem[] {
  const problems: LimitProblem[] = [];
  const m = message as {
    type?: unknown;
    text?: unknown;
    altText?: unknown;
    contents?: unknown;
    quickReply?: messagingApi.QuickReply;
  } | null;
  if (typeof m !== "object" || m === null || typeof m.type !== "string")
    return [{ path, message: "not a message object" }];
  if (m.type === "text") {
    checkLength(problems, `${path}.text`, m.text, 1, LINE_LIMITS.textUnits);
  } else if (m.type === "flex") {
    checkLength(problems, `${path}.altText`, m.altText, 1, LINE_LIMITS.altTextUnits);
    problems.push(...validateFlexContainer(m.contents, `${path}.contents`));
  }
  const items = m.quickReply?.items;
  if (items !== undefined && (items.length < 1 || items.length > LINE_LIMITS.quickReplyItems)) {
    problems.push({
      path: `${path}.quickReply.items`,
      message: `${items.length} items; must be 1–${LINE_LIMITS.quickReplyItems}`,
    });
  }
  walk(m, path, problems);
  return problems;
}

function validateFlexContainer(container: unknown, path: string): LimitProblem[] {
  const c = container as { type?: string; contents?: unknown[] } | undefined;
  if (!c || (c.type !== "bubble" && c.type !== "carousel"))
    return [{ path, message: "flex contents must be a bubble or a carousel" }];
  if (c.type === "bubble") {
    return jsonBytes(c) > LINE_LIMITS.bubbleJsonBytes
      ? [{ path, message: `bubble JSON ${jsonBytes(c)} bytes > ${LINE_LIMITS.bubbleJsonBytes}` }]
      : [];
  }
  const problems: LimitProblem[] = [];
  const bubbles = c.contents ?? [];
  if (bubbles.length < 1 || bubbles.length > LINE_LIMITS.carouselBubbles) {
    problems.push({
      path: `${path}.contents`,
      message: `${bubbles.length} bubbles; must be 1–${LINE_LIMITS.carouselBubbles}`,
    });
  }
  if (jsonBytes(c) > LINE_LIMITS.carouselJsonBytes)
    problems.push({ path, message: `carousel JSON ${jsonBytes(c)} bytes > ${LINE_LIMITS.carouselJsonBytes}` });
  bubbles.forEach((b, i) => {
    if (jsonBytes(b) > LINE_LIMITS.bubbleJsonBytes)
      problems.push({ path: `${path}.contents[${i}]`, message: "bubble JSON over 30 KB" });
  });
  return problems;
}

/** Checks every action (labels, postback data, texts) and every Flex text component, wherever they sit. */
function walk(node: unknown, path: string, problems: LimitProblem[]): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => walk(n, `${path}[${i}]`, problems));
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const o = node as Record<string, unknown>;
  if (path.endsWith(".action") || path.endsWith("].action")) validateAction(o, path, problems);
  if (o["type"] === "text" && path.includes(".contents") && !("contents" in o && Array.isArray(o["contents"]))) {
    checkLength(problems, `${path}.text`, o["text"], 1, Number.MAX_SAFE_INTEGER);
  }
  for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`, problems);
}

function validateAction(a: Record<string, unknown>, path: string, problems: LimitProblem[]): void {
  if (a["label"] !== undefined) checkLength(problems, `${path}.label`, a["label"], 1, LINE_LIMITS.actionLabelUnits);
  if (a["type"] === "postback") checkLength(problems, `${path}.data`, a["data"], 1, LINE_LIMITS.postbackDataUnits);
  if (a["type"] === "message") checkLength(problems, `${path}.text`, a["text"], 1, LINE_LIMITS.actionTextUnits);
  if (a["displayText"] !== undefined)
    checkLength(problems, `${path}.displayText`, a["displayText"], 1, LINE_LIMITS.actionTextUnits);
}

function checkLength(problems: LimitProblem[], path: string, value: unknown, min: number, max: number): void {
  if (typeof value !== "string") {
    problems.push({ path, message: "must be a string" });
  } else if (value.length < min || value.length > max) {
    problems.push({
      path,
      message: `length ${value.length}; must be ${min}–${max === Number.MAX_SAFE_INTEGER ? "…" : max} UTF-16 units`,
    });
  }
}
