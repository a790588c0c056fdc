// Watches a knowledge directory (recursively) and calls `onChange` once things settle: editors save in
// several writes and renames, so a burst of events becomes one reload after `debounceMs` of quiet.
// Only knowledge files count (YAML, CSV); swap files, backups and source texts do not.
import { watch, type FSWatcher } from "node:fs";
import { basename } from "node:path";
import { REVIEW_FILE } from "../../knowledge/load.js";
import { STAFF_DRAFTS_DIR } from "../../knowledge/staff/staff-check.js";

const KNOWLEDGE_FILE = /\.(ya?ml|csv)$/i;

/** Staff drafts (knowledge/staff/drafts/) wait for approval: saving one changes nothing served. */
function isDraft(filename: string): boolean {
  return filename.split(/[\\/]/).join("/").startsWith(`${STAFF_DRAFTS_DIR}/`);
}

export interface KnowledgeWatcher {
  close(): void;
}

export function watchKnowledge(
  dir: string,
  debounceMs: number,
  onChange: () => void,
  onError: (e: Error) => void,
): KnowledgeWatcher {
  let timer: NodeJS.Timeout | undefined;
  const trigger = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, debounceMs);
    timer.unref();
  };
  const watcher: FSWatcher = watch(dir, { recursive: true, persistent: false }, (_event, filename) => {
    // filename can be null on some platforms: then reload to be safe.
    // Proposals recorded from Slack are not knowledge: writing one must not reload the index.
    if (filename === null) trigger();
    else if (
      KNOWLEDGE_FILE.test(filename.toString()) &&
      basename(filename.toString()) !== REVIEW_FILE &&
      !isDraft(filename.toString())
    )
      trigger();
  });
  watcher.on("error", onError);
  return {
    close() {
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
