// What the resident is told at each step of a handoff. Plain text: it goes out on any resident channel.

export const HANDOFF_MESSAGES = {
  opened:
    "職員におつなぎします。担当の職員がこのトークでお返事します（閉庁日・時間外は次の開庁日になることがあります）。\n" +
    "お返事まで自動応答はお休みし、続けて送ったメッセージはそのまま職員に届きます。\n" +
    "マイナンバー・口座番号などの個人情報は送らないでください。",
  alreadyOpen: "すでに職員におつなぎしています。続けて送ったメッセージはそのまま職員に届きます。",
  unavailable: "申し訳ありません。ただいま職員におつなぎできません。お急ぎの場合は市役所の担当課へお電話ください。",
  notDelivered:
    "申し訳ありません。いまのメッセージを職員に届けられませんでした。少し時間をおいて、もう一度送ってください。",
  closedByStaff:
    "職員との会話を終了しました。これからは自動応答がお答えします。もう一度職員と話したいときは「職員と話したい」と送ってください。",
  closedByTimeout:
    "しばらくやり取りがなかったため、職員との会話を終了しました。これからは自動応答がお答えします。もう一度職員と話したいときは「職員と話したい」と送ってください。",
  staffPrefix: "【職員より】",
} as const;

export function staffMessage(text: string): string {
  return `${HANDOFF_MESSAGES.staffPrefix}\n${text}`;
}
