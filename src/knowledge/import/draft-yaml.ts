// Writes imported entries as a YAML list with a header comment telling the reviewer what to do with it.
import { Document } from "yaml";

export function draftYaml(entries: object[], header: string[]): string {
  const doc = new Document(entries);
  doc.commentBefore = header.map((line) => ` ${line}`).join("\n");
  // lineWidth 0: never fold long Japanese sentences (a folded summary is hard to compare with the source).
  return doc.toString({ lineWidth: 0, indentSeq: true });
}
