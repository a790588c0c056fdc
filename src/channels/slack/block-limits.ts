// Block Kit's limits, checked on every payload we build (and by the fake Slack API in tests).
// Figures from Slack's Block Kit reference; MESSAGE_TEXT_MAX is Slack's recommended ceiling for `text`.
export const LIMITS = {
  messageBlocks: 50,
  surfaceBlocks: 100, // App Home and modals
  messageText: 4000,
  blockId: 255,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  actionId: 255,
  buttonValue: 2000,
  url: 3000,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  placeholder: 150,
  inputLabel: 2000,
  inputValue: 3000,
  viewTitle: 24,
  privateMetadata: 3000,
} as const;

export type Surface = "message" | "home" | "modal";
type Obj = Record<string, unknown>;

/** Every way `payload` breaks Block Kit's limits, as "path: problem" lines; empty when it is valid. */
export function blockKitProblems(
  payload: { text?: unknown; blocks?: unknown },
  surface: Surface = "message",
): string[] {
  const out: string[] = [];
  if (typeof payload.text === "string" && payload.text.length > LIMITS.messageText)
    out.push(`text: ${payload.text.length} > ${LIMITS.messageText} characters`);
  if (payload.blocks === undefined) {
    if (surface === "message" && !payload.text) out.push("text: a message without blocks needs text");
    return out;
  }
  if (!Array.isArray(payload.blocks)) return [...out, "blocks: must be an array"];
  const max = surface === "message" ? LIMITS.messageBlocks : LIMITS.surfaceBlocks;
  if (payload.blocks.length > max) out.push(`blocks: ${payload.blocks.length} > ${max} blocks`);
  const blockIds = new Set<string>();
  payload.blocks.forEach((b, i) => {
    const path = `blocks[${i}]`;
    if (!isObj(b)) return out.push(`${path}: not an object`);
    if (b["block_id"] !== undefined) {
      checkString(out, `${path}.block_id`, b["block_id"], LIMITS.blockId);
      if (blockIds.has(String(b["block_id"]))) out.push(`${path}.block_id: duplicate "${String(b["block_id"])}"`);
      blockIds.add(String(b["block_id"]));
    }
    checkBlock(out, path, b);
  });
  return out;
}

function checkBlock(out: string[], path: string, b: Obj): void {
  switch (b["type"]) {
    case "section":
      return checkSection(out, path, b);
    case "header":
      return checkText(out, `${path}.text`, b["text"], LIMITS.headerText, "plain_text");
    case "divider":
      return;
    case "context":
      return checkList(out, `${path}.elements`, b["elements"], LIMITS.contextElements, (p, e) =>
        checkContextElement(out, p, e),
      );
    case "actions":
      return checkActions(out, path, b);
    case "input":
      return checkInput(out, path, b);
    default:
      out.push(`${path}.type: unsupported block type "${String(b["type"])}"`);
  }
}

function checkSection(out: string[], path: string, b: Obj): void {
  if (b["text"] === undefined && b["fields"] === undefined) out.push(`${path}: a section needs text or fields`);
  if (b["text"] !== undefined) checkText(out, `${path}.text`, b["text"], LIMITS.sectionText);
  if (b["fields"] !== undefined)
    checkList(out, `${path}.fields`, b["fields"], LIMITS.sectionFields, (p, f) =>
      checkText(out, p, f, LIMITS.fieldText),
    );
  if (b["accessory"] !== undefined) checkElement(out, `${path}.accessory`, b["accessory"]);
}

function checkActions(out: string[], path: string, b: Obj): void {
  const ids = new Set<string>();
  checkList(out, `${path}.elements`, b["elements"], LIMITS.actionsElements, (p, e) => {
    checkElement(out, p, e);
    const id = isObj(e) ? e["action_id"] : undefined;
    if (typeof id === "string" && ids.has(id)) out.push(`${p}.action_id: duplicate "${id}" in the block`);
    if (typeof id === "string") ids.add(id);
  });
  if (Array.isArray(b["elements"]) && b["elements"].length === 0) out.push(`${path}.elements: must not be empty`);
}

function checkInput(out: string[], path: string, b: Obj): void {
  checkText(out, `${path}.label`, b["label"], LIMITS.inputLabel, "plain_text");
  if (b["hint"] !== undefined) checkText(out, `${path}.hint`, b["hint"], LIMITS.inputLabel, "plain_text");
  const e = b["element"];
  if (isObj(e) && e["type"] === "static_select") return void checkElement(out, `${path}.element`, e);
  if (isObj(e) && e["type"] === "datepicker") {
    checkString(out, `${path}.element.action_id`, e["action_id"], LIMITS.actionId);
    if (e["initial_date"] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(e["initial_date"])))
      out.push(`${path}.element.initial_date: must be YYYY-MM-DD`);
    return;
  }
  if (!isObj(e) || e["type"] !== "plain_text_input")
    return void out.push(`${path}.element: only plain_text_input, static_select and datepicker are used`);
  checkString(out, `${path}.element.action_id`, e["action_id"], LIMITS.actionId);
  if (e["initial_value"] !== undefined)
    checkString(out, `${path}.element.initial_value`, e["initial_value"], Number(e["max_length"] ?? LIMITS.inputValue));
  if (e["placeholder"] !== undefined)
    checkText(out, `${path}.element.placeholder`, e["placeholder"], LIMITS.placeholder, "plain_text");
}

/** A view for views.publish (home) or views.open (modal): its own fields, then its blocks. */
export function viewProblems(view: unknown): string[] {
  if (!isObj(view)) return ["view: must be an object"];
  const type = view["type"];
  if (type !== "home" && type !== "modal") return [`view.type: must be home or modal`];
  const out: string[] = [];
  if (type === "modal") {
    checkText(out, "view.title", view["title"], LIMITS.viewTitle, "plain_text");
    for (const k of ["submit", "close"])
      if (view[k] !== undefined) checkText(out, `view.${k}`, view[k], LIMITS.viewTitle, "plain_text");
  }
  if (view["private_metadata"] !== undefined && String(view["private_metadata"]).length > LIMITS.privateMetadata)
    out.push("view.private_metadata: too long");
  return [...out, ...blockKitProblems({ blocks: view["blocks"] }, type)];
}

function checkContextElement(out: string[], path: string, e: unknown): void {
  if (isObj(e) && e["type"] === "image") return;
  checkText(out, path, e, LIMITS.sectionText);
}

function checkElement(out: string[], path: string, e: unknown): void {
  if (!isObj(e)) return void out.push(`${path}: not an object`);
  if (e["action_id"] !== undefined) checkString(out, `${path}.action_id`, e["action_id"], LIMITS.actionId);
  if (e["type"] === "button") {
    checkText(out, `${path}.text`, e["text"], LIMITS.buttonText, "plain_text");
    if (e["value"] !== undefined) checkString(out, `${path}.value`, e["value"], LIMITS.buttonValue);
    if (e["url"] !== undefined) checkString(out, `${path}.url`, e["url"], LIMITS.url);
    if (e["style"] !== undefined && e["style"] !== "primary" && e["style"] !== "danger")
      out.push(`${path}.style: must be primary or danger`);
  } else if (e["type"] === "static_select") {
    checkText(out, `${path}.placeholder`, e["placeholder"], LIMITS.placeholder, "plain_text");
    checkList(out, `${path}.options`, e["options"], LIMITS.selectOptions, (p, o) => checkOption(out, p, o));
    checkInitialOption(out, path, e);
  } else {
    out.push(`${path}.type: unsupported element type "${String(e["type"])}"`);
  }
}

function checkInitialOption(out: string[], path: string, e: Obj): void {
  const initial = e["initial_option"];
  if (initial === undefined) return;
  const options = Array.isArray(e["options"]) ? e["options"] : [];
  const value = isObj(initial) ? initial["value"] : undefined;
  if (!options.some((o) => isObj(o) && o["value"] === value))
    out.push(`${path}.initial_option: not one of the options`);
}

function checkOption(out: string[], path: string, o: unknown): void {
  if (!isObj(o)) return void out.push(`${path}: not an object`);
  checkText(out, `${path}.text`, o["text"], LIMITS.optionText, "plain_text");
  checkString(out, `${path}.value`, o["value"], LIMITS.optionValue);
}

function checkText(out: string[], path: string, t: unknown, max: number, only?: "plain_text"): void {
  if (!isObj(t)) return void out.push(`${path}: a text object is required`);
  const type = t["type"];
  if (type !== "plain_text" && type !== "mrkdwn") return void out.push(`${path}.type: must be plain_text or mrkdwn`);
  if (only && type !== only) out.push(`${path}.type: must be ${only}`);
  if (type === "plain_text" && t["verbatim"] !== undefined) out.push(`${path}.verbatim: only mrkdwn has verbatim`);
  if (type === "mrkdwn" && t["emoji"] !== undefined) out.push(`${path}.emoji: only plain_text has emoji`);
  checkString(out, `${path}.text`, t["text"], max);
}

function checkString(out: string[], path: string, s: unknown, max: number): void {
  if (typeof s !== "string" || s.length === 0) return void out.push(`${path}: must be a non-empty string`);
  if (s.length > max) out.push(`${path}: ${s.length} > ${max} characters`);
}

function checkList(
  out: string[],
  path: string,
  list: unknown,
  max: number,
  each: (path: string, item: unknown) => void,
): void {
  if (!Array.isArray(list)) return void out.push(`${path}: must be an array`);
  if (list.length > max) out.push(`${path}: ${list.length} > ${max} items`);
  list.forEach((item, i) => each(`${path}[${i}]`, item));
}

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
