import { randomBytes } from "node:crypto";
import { SlackApiError } from "../errors";

// Block Kit checks Slack makes on messages and modals, reported the way Slack reports them
// (invalid_blocks with a JSON pointer per problem). Blocks without a block_id get one, as Slack
// gives them.

const MESSAGE_BLOCK_TYPES = new Set(["section", "header", "divider", "context", "actions", "image", "rich_text", "markdown", "file", "video"]);
const MAX_MESSAGE_BLOCKS = 50;
const MAX_VIEW_BLOCKS = 100;

export const MAX_TEXT_LENGTH = 40_000;

interface TextObject {
  type?: unknown;
  text?: unknown;
}

/** Checks a message's blocks and returns them with block ids filled in. */
export function messageBlocks(value: unknown): unknown[] {
  return checkBlocks(value, "/blocks", MAX_MESSAGE_BLOCKS, MESSAGE_BLOCK_TYPES, "invalid_blocks");
}

/** Checks a modal (views.open) and returns it with block and action ids filled in. */
export function modalView(value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new SlackApiError("invalid_arguments", "view must be an object [json-pointer:/view]");
  const view = value as Record<string, unknown>;
  const problems: string[] = [];
  if (view.type !== "modal") problems.push("must be modal [json-pointer:/view/type]");
  plainText(view.title, 24, "/view/title", problems, true);
  plainText(view.close, 24, "/view/close", problems, false);
  plainText(view.submit, 24, "/view/submit", problems, false);
  if (typeof view.private_metadata === "string" && view.private_metadata.length > 3000) problems.push("must be less than 3001 characters [json-pointer:/view/private_metadata]");
  if (typeof view.callback_id === "string" && view.callback_id.length > 255) problems.push("must be less than 256 characters [json-pointer:/view/callback_id]");
  if (problems.length > 0) throw invalid("invalid_arguments", problems);
  const blocks = checkBlocks(view.blocks, "/view/blocks", MAX_VIEW_BLOCKS, new Set([...MESSAGE_BLOCK_TYPES, "input"]), "invalid_arguments");
  if (blocks.some((b) => (b as { type?: unknown }).type === "input") && view.submit === undefined) {
    throw invalid("invalid_arguments", ["a view with input blocks needs a submit button [json-pointer:/view/submit]"]);
  }
  return { ...view, blocks: blocks.map(withActionId) };
}

function checkBlocks(value: unknown, pointer: string, max: number, types: Set<string>, errorCode: string): unknown[] {
  if (!Array.isArray(value)) throw invalid(errorCode === "invalid_blocks" ? "invalid_blocks_format" : errorCode, [`must be an array [json-pointer:${pointer}]`]);
  const problems: string[] = [];
  if (value.length > max) problems.push(`no more than ${max} items allowed [json-pointer:${pointer}]`);
  const blockIds = new Set<string>();
  for (const [i, block] of (value as unknown[]).entries()) {
    const at = `${pointer}/${i}`;
    if (typeof block !== "object" || block === null) {
      problems.push(`must be an object [json-pointer:${at}]`);
      continue;
    }
    const b = block as Record<string, unknown>;
    if (typeof b.type !== "string" || !types.has(b.type)) {
      problems.push(`unsupported type: ${String(b.type)} [json-pointer:${at}/type]`);
      continue;
    }
    if (typeof b.block_id === "string") {
      if (b.block_id.length > 255) problems.push(`must be less than 256 characters [json-pointer:${at}/block_id]`);
      if (blockIds.has(b.block_id)) problems.push(`duplicate block_id ${b.block_id} [json-pointer:${at}/block_id]`);
      blockIds.add(b.block_id);
    }
    checkBlock(b, at, problems);
  }
  if (problems.length > 0) throw invalid(errorCode, problems);
  return value.map((b: Record<string, unknown>) => (typeof b.block_id === "string" ? b : { ...b, block_id: shortId() }));
}

function checkBlock(b: Record<string, unknown>, at: string, problems: string[]): void {
  switch (b.type) {
    case "section":
      if (b.text === undefined && b.fields === undefined) problems.push(`must provide text or fields [json-pointer:${at}]`);
      if (b.text !== undefined) textObject(b.text, 3000, `${at}/text`, problems);
      if (b.fields !== undefined) {
        if (!Array.isArray(b.fields) || b.fields.length > 10) problems.push(`fields: no more than 10 items allowed [json-pointer:${at}/fields]`);
        else b.fields.forEach((f, j) => textObject(f, 2000, `${at}/fields/${j}`, problems));
      }
      return;
    case "header":
      plainText(b.text, 150, `${at}/text`, problems, true);
      return;
    case "context":
      if (!Array.isArray(b.elements) || b.elements.length < 1 || b.elements.length > 10) problems.push(`elements: between 1 and 10 items [json-pointer:${at}/elements]`);
      return;
    case "actions":
      if (!Array.isArray(b.elements) || b.elements.length < 1 || b.elements.length > 25) problems.push(`elements: between 1 and 25 items [json-pointer:${at}/elements]`);
      return;
    case "markdown":
      if (typeof b.text !== "string" || b.text.length > 12_000) problems.push(`text: a string of at most 12000 characters [json-pointer:${at}/text]`);
      return;
    case "input":
      plainText(b.label, 2000, `${at}/label`, problems, true);
      if (typeof b.element !== "object" || b.element === null) problems.push(`missing required field: element [json-pointer:${at}/element]`);
      return;
  }
}

function textObject(value: unknown, max: number, at: string, problems: string[]): void {
  const t = value as TextObject | undefined;
  if (typeof t !== "object" || t === null || (t.type !== "plain_text" && t.type !== "mrkdwn") || typeof t.text !== "string") {
    problems.push(`must be a text object [json-pointer:${at}]`);
  } else if (t.text.length === 0 || t.text.length > max) {
    problems.push(`must be between 1 and ${max} characters [json-pointer:${at}/text]`);
  }
}

function plainText(value: unknown, max: number, at: string, problems: string[], required: boolean): void {
  if (value === undefined) {
    if (required) problems.push(`missing required field: ${at.split("/").at(-1)} [json-pointer:${at}]`);
    return;
  }
  const t = value as TextObject;
  if (typeof t !== "object" || t === null || t.type !== "plain_text" || typeof t.text !== "string") problems.push(`must be a plain_text object [json-pointer:${at}]`);
  else if (t.text.length > max) problems.push(`must be less than ${max + 1} characters [json-pointer:${at}/text]`);
}

function withActionId(block: unknown): unknown {
  const b = block as Record<string, unknown>;
  const element = b.element as Record<string, unknown> | undefined;
  if (b.type !== "input" || !element || typeof element.action_id === "string") return b;
  return { ...b, element: { ...element, action_id: shortId() } };
}

function invalid(error: string, problems: string[]): SlackApiError {
  return new SlackApiError(error, undefined, { errors: problems, response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) } });
}

/** Slack's generated block and action ids are short random strings. */
function shortId(): string {
  return randomBytes(3).toString("base64url");
}
