// The LINE channel's own texts: the greeting on follow and the answer to stickers, photos and the like.
// They state what the bot does, never a fact about a program (those come only from the knowledge).
import type { messagingApi } from "@line/bot-sdk";
import { lifeEventSuggestions } from "./life-events.js";
import { withQuickReplies } from "./render-reply.js";

export function greetingMessages(municipality: string | undefined): messagingApi.Message[] {
  const scope = municipality ?? "市町村";
  const text = [
    `友だち追加ありがとうございます。${scope}の支援制度（給付金・補助金・相談窓口など）をご案内します。`,
    "",
    "・「出産のお祝い金はある？」のように、ふだんの言葉で聞いてください。",
    `・金額・対象・申請方法・担当課を、${scope}の資料から出典と時点をそえてお答えします。`,
    "・「制度診断」で、質問に答えながらあなたに合う制度を探せます。",
    "・職員と話したいときは「職員に相談」を選んでください。",
    "",
    "【お願い】お名前・住所・電話番号・マイナンバーなどの個人情報は送らないでください。",
    "下のボタンから、くらしの場面を選ぶこともできます。",
  ].join("\n");
  const messages: messagingApi.Message[] = [{ type: "text", text }];
  withQuickReplies(messages, lifeEventSuggestions());
  return messages;
}

const MEDIA_NAMES: Record<string, string> = {
  sticker: "スタンプ", image: "画像", video: "動画", audio: "音声", location: "位置情報", file: "ファイル",
};

export const MEDIA_TYPES = Object.keys(MEDIA_NAMES);

export function mediaMessages(type: string): messagingApi.Message[] {
  const what = MEDIA_NAMES[type] ?? "このメッセージ";
  const text = `${what}を送っていただきありがとうございます。申し訳ありませんが、${what}の内容は読み取れません。知りたいことを文字で送ってください（例:「子育ての支援を知りたい」）。個人情報は送らないでください。`;
  const messages: messagingApi.Message[] = [{ type: "text", text }];
  withQuickReplies(messages, lifeEventSuggestions());
  return messages;
}

/** Said once when a resident sends more than the rate limit allows (the rest of the burst is not answered). */
export const PLEASE_WAIT_TEXT = "少しお待ちください。続けてたくさんのメッセージを受け取りました。しばらくしてから、もう一度送ってください。";

export function pleaseWaitMessages(): messagingApi.Message[] {
  return [{ type: "text", text: PLEASE_WAIT_TEXT }];
}
