// A Reply as plain text: for the terminal, `converse --json`, and channels that cannot show cards or
// buttons. Everything a card shows is written out, the summary whole; suggestions become one line of choices.
import type { ListItem, ProgramCard, Reply } from "./reply.js";

export function renderPlainText(r: Reply): string {
  const blocks = [r.text.trim()];
  for (const card of r.cards) blocks.push(renderCard(card));
  if (r.list.length > 0) blocks.push(r.list.map(renderListItem).join("\n"));
  if (r.listFooter) blocks.push(r.listFooter);
  if (r.suggestions.length > 0) blocks.push(`次にできること: ${r.suggestions.map((s) => s.label).join(" / ")}`);
  return blocks.filter((b) => b.length > 0).join("\n\n");
}

export function renderCard(c: ProgramCard): string {
  const lines = [`■ ${c.name}（${c.municipality}）`];
  if (c.nameOnly) {
    lines.push("出典の資料には事業名だけが載っていて、内容・金額・対象の記載はありません。");
  } else {
    const summary = c.fullSummary ?? c.summary;
    if (summary) lines.push(summary);
    lines.push(`金額: ${c.amountText ?? "出典に記載なし"}`);
    lines.push(`対象: ${c.forWhom ?? "出典に記載なし"}`);
  }
  lines.push(`担当: ${c.department}`);
  if (c.periodText) lines.push(`期間: ${c.periodText}`);
  if (c.status) lines.push(`状況: ${c.status}`);
  if (c.notice) lines.push(c.notice);
  lines.push(`出典: 「${c.sourceTitle}」（資料の日付: ${c.sourceDate}）`);
  // after the document's source line: these are not from the document, each names its own source
  if (c.staffFacts?.length) lines.push("職員が確認した情報:", ...c.staffFacts.map((f) => `・${f.text}`));
  return lines.join("\n");
}

function renderListItem(item: ListItem): string {
  return item.detail ? `${item.n}. ${item.label}\n   ${item.detail}` : `${item.n}. ${item.label}`;
}
