// A modal's state.values as Slack sends them in view_submission: one entry per input block and
// action id, shaped by the element's type. Tests give plain values; this dresses them up.

/** By block id then action id, or by action id alone. */
export type SubmittedValues = Record<string, string | string[] | Record<string, string | string[]>>;

interface Element {
  type?: string;
  action_id?: string;
  options?: Option[];
  option_groups?: { options?: Option[] }[];
}

interface Option {
  text?: unknown;
  value?: string;
}

export function viewStateValues(blocks: unknown, given: SubmittedValues = {}): Record<string, Record<string, unknown>> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of Array.isArray(blocks) ? (blocks as Record<string, unknown>[]) : []) {
    if (block.type !== "input" || typeof block.block_id !== "string") continue;
    const element = (block.element ?? {}) as Element;
    const actionId = element.action_id ?? "";
    const byBlock = given[block.block_id];
    const value = typeof byBlock === "object" && !Array.isArray(byBlock) ? byBlock[actionId] : (byBlock ?? plain(given[actionId]));
    values[block.block_id] = { [actionId]: stateEntry(element, value) };
  }
  return values;
}

function plain(value: SubmittedValues[string] | undefined): string | string[] | undefined {
  return typeof value === "object" && !Array.isArray(value) ? undefined : value;
}

function stateEntry(element: Element, value: string | string[] | undefined): Record<string, unknown> {
  const type = element.type ?? "plain_text_input";
  const one = Array.isArray(value) ? value[0] : value;
  const many = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const option = (v: string) => findOption(element, v) ?? { text: { type: "plain_text", text: v, emoji: true }, value: v };
  switch (type) {
    case "static_select":
    case "external_select":
    case "radio_buttons":
      return { type, selected_option: one === undefined ? null : option(one) };
    case "multi_static_select":
    case "multi_external_select":
    case "checkboxes":
      return { type, selected_options: many.map(option) };
    case "users_select":
      return { type, selected_user: one ?? null };
    case "conversations_select":
      return { type, selected_conversation: one ?? null };
    case "channels_select":
      return { type, selected_channel: one ?? null };
    case "datepicker":
      return { type, selected_date: one ?? null };
    case "timepicker":
      return { type, selected_time: one ?? null };
    case "rich_text_input":
      return {
        type,
        rich_value: { type: "rich_text", elements: [{ type: "rich_text_section", elements: [{ type: "text", text: one ?? "" }] }] },
      };
    default:
      return { type, value: one ?? null };
  }
}

function findOption(element: Element, value: string): Option | undefined {
  const options = [...(element.options ?? []), ...(element.option_groups ?? []).flatMap((g) => g.options ?? [])];
  return options.find((o) => o.value === value);
}
