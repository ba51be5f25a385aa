import { NextResponse } from "next/server";
import { readSignedSlackRequest } from "@/app/api/webhooks/slack/signed-request";
import { REPLY_BLOCK } from "@/lib/integrations/slack/messages";
import { interactionSchema, type Interaction } from "@/lib/integrations/slack/schema";
import type { InteractionAnswer } from "@/lib/slack/interactions";

export interface SlackInteractionsDeps {
  signingSecret: string | undefined;
  now(): number;
  /** Does what the interaction asks; null when Slack is not configured here. */
  handle: ((interaction: Interaction) => Promise<InteractionAnswer>) | null;
}

/**
 * Slack's interactivity endpoint (shortcuts, modal submissions): signed like events, answered
 * within Slack's 3 s. The modal must be opened inside that time (its trigger expires), so this is
 * the one place the app talks to Slack during a request. An empty 200 closes a submitted modal;
 * `response_action: errors` keeps it open with the reason.
 */
export function slackInteractionsHandler(deps: SlackInteractionsDeps) {
  return async (request: Request): Promise<Response> => {
    const signed = await readSignedSlackRequest(request, deps, "interaction");
    if ("refused" in signed) return signed.refused;
    const { rawBody } = signed;
    let interaction: Interaction;
    try {
      interaction = interactionSchema.parse(JSON.parse(new URLSearchParams(rawBody).get("payload") ?? ""));
    } catch {
      return NextResponse.json({ error: "The body is not a Slack interaction payload" }, { status: 400 });
    }
    if (!deps.handle) return NextResponse.json({ error: "Slack is not configured (SLACK_BOT_TOKEN)" }, { status: 503 });
    try {
      const answer = await deps.handle(interaction);
      return answer ? NextResponse.json(answer) : new Response(null, { status: 200 });
    } catch (error) {
      console.error(`slack interaction ${interaction.type} failed`, error);
      if (interaction.type === "view_submission") {
        return NextResponse.json({ response_action: "errors", errors: { [REPLY_BLOCK]: "Something went wrong; nothing was sent. Try again." } });
      }
      return NextResponse.json({ error: "Could not handle the interaction" }, { status: 500 });
    }
  };
}
