import type { ApiContext, ApiMethod } from "./method";

// views.open: the app opens a modal with the trigger_id of a slash command, shortcut or
// submission, within the trigger's few seconds of life.

export const viewMethods: Record<string, ApiMethod> = {
  "views.open": {
    handler: ({ interactions, params }: ApiContext) => {
      const view = interactions.openView(params.required("trigger_id"), params.json("view", "invalid_arguments"));
      return { view };
    },
    jsonArgs: ["view"],
  },
};
