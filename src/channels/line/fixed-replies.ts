// The LINE channel's own texts: the greeting on follow and the answer to stickers, photos and the like.
// They state what the bot does, never a fact about a program (those come only from the knowledge). The
// example questions in them come from the engine, chosen from the account's own programs.
import type { messagingApi } from "@line/bot-sdk";
import { lifeEventsFor, lifeEventSuggestions } from "./life-events.js";
import { withQuickReplies } from "./render-reply.js";

/** Example questions that find something for this account (the engine's exampleQuestions). */
export interface LineExamples {
  program?: string;
  topic?: string;
  /** The categories the account has programs in: its quick replies offer only those. */
  categories?: string[];
}

/** The account's life-event quick replies: topics it has programs for (all topics when unknown). */
export function accountSuggestions(examples: LineExamples) {
  const categories = examples.categories;
  return lifeEventSuggestions(lifeEventsFor(categories && ((c) => categories.includes(c))));
}

export function greetingMessages(
  municipality: string | undefined,
  examples: LineExamples = {},
): messagingApi.Message[] {
  const scope = municipality ?? "市町村";
  const example = examples.topic ?? examples.program;
  const text = [
    `友だち追加ありがとうございます。${scope}の支援制度（給付金・補助金・相談窓口など）をご案内します。`,
    "",
    example
      ? `・「${example}」のように、ふだんの言葉で聞いてください。`
      : "・知りたいことを、ふだんの言葉で聞いてください。",
    `・金額・対象・申請方法・担当課を、${scope}の資料から出典と時点をそえてお答えします。`,
    "・「制度診断」で、質問に答えながらあなたに合う制度を探せます。",
    "・職員と話したいときは「職員に相談」を選んでください。",
    "",
    "【お願い】お名前・住所・電話番号・マイナンバーなどの個人情報は送らないでください。",
    "下のボタンから、くらしの場面を選ぶこともできます。",
  ].join("\n");
  const messages: messagingApi.Message[] = [{ type: "text", text }];
  withQuickReplies(messages, accountSuggestions(examples));
  return messages;
}

const MEDIA_NAMES: Record<string, string> = {
  sticker: "スタンプ",
  image: "画像",
  video: "動画",
  audio: "音声",
  location: "位置情報",
  file: "ファイル",
};

export const MEDIA_TYPES = Object.keys(MEDIA_NAMES);

export function mediaMessages(type: string, examples: LineExamples = {}): messagingApi.Message[] {
  const what = MEDIA_NAMES[type] ?? "このメッセージ";
  const example = examples.topic ?? examples.program;
  const text = `${what}を送っていただきありがとうございます。申し訳ありませんが、${what}の内容は読み取れません。知りたいことを文字で送ってください${example ? `（例:「${example}」）` : ""}。個人情報は送らないでください。`;
  const messages: messagingApi.Message[] = [{ type: "text", text }];
  withQuickReplies(messages, accountSuggestions(examples));
  return messages;
}

/** Said once when a resident sends more than the rate limit allows (the rest of the burst is not answered). */
export const PLEASE_WAIT_TEXT =
  "少しお待ちください。続けてたくさんのメッセージを受け取りました。しばらくしてから、もう一度送ってください。";

export function pleaseWaitMessages(): messagingApi.Message[] {
  return [{ type: "text", text: PLEASE_WAIT_TEXT }];
}
