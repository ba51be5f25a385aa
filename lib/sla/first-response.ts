// The first response is the team's first customer-visible message on the ticket's thread.
// HubSpot's hs_first_agent_message_sent_at is only a fallback: it is missing for threads HubSpot
// did not link, and we cannot tell which of its rules set it.

export interface ThreadMessage {
  direction: "INCOMING" | "OUTGOING" | null;
  /** HubSpot's message type: MESSAGE reaches the customer, COMMENT is an internal note; others are events. */
  type: string;
  createdAt: Date;
  /**
   * The sender's HubSpot actor id; its prefix says who sent it: "A-" a person (agent),
   * "V-" a visitor, "E-" an email address, "B-" a bot (chatflows), "S-" HubSpot itself,
   * "I-" an integration acting without a person.
   */
  senderActorId?: string | null;
  /** Overrides what the actor id implies, for senders known to be automatic (an auto-reply). */
  senderIsAutomated?: boolean;
}

export interface FirstResponse {
  at: Date | null;
  source: "thread" | "hubspot_property" | null;
}

const AUTOMATED_ACTOR_PREFIXES = ["B-", "S-", "I-"];

/**
 * Bots, HubSpot's system actor and integrations without a person are automated; anything else on
 * an outgoing message (agents, email addresses, unknown) is a person. Support Desk's own replies
 * are sent as the agent's "A-" actor, which HubSpot requires for a MESSAGE, so they count.
 */
export function isAutomated(message: ThreadMessage): boolean {
  if (message.senderIsAutomated !== undefined) return message.senderIsAutomated;
  const actor = message.senderActorId ?? "";
  return AUTOMATED_ACTOR_PREFIXES.some((prefix) => actor.startsWith(prefix));
}

export function isTeamResponse(message: ThreadMessage): boolean {
  return message.direction === "OUTGOING" && message.type === "MESSAGE" && !isAutomated(message);
}

/** The earliest team response on the thread, else HubSpot's first agent message time, else none. */
export function firstResponse(messages: readonly ThreadMessage[], hubspotFirstAgentMessageAt: Date | null): FirstResponse {
  let earliest: Date | null = null;
  for (const message of messages) {
    if (isTeamResponse(message) && (earliest === null || message.createdAt < earliest)) earliest = message.createdAt;
  }
  if (earliest) return { at: earliest, source: "thread" };
  if (hubspotFirstAgentMessageAt) return { at: hubspotFirstAgentMessageAt, source: "hubspot_property" };
  return { at: null, source: null };
}
