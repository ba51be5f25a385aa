import { addBusinessMinutes, isBusinessTime } from "../london-time";
import type { Rng } from "../prng";
import type { TicketState } from "./portal-config";

// The timeline of one generated ticket. The ticket's last-modified time L is fixed first (it is
// monotonic in the ticket index, see dataset.ts); the story is then laid out forwards from a
// creation time estimated as L minus the story's nominal length, with team replies placed in
// London business hours; a story that runs past L is started earlier, and cut at L as a last
// resort. So every message is older than the ticket's hs_lastmodifieddate, as in HubSpot.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type StoryEventKind = "customer" | "agent" | "comment";

export interface StoryEvent {
  kind: StoryEventKind;
  at: number;
  /** Index into the team for agent messages and comments. */
  member: number;
}

export interface Story {
  createdAt: number;
  events: StoryEvent[];
  state: TicketState;
}

export interface StoryInput {
  lastModified: number;
  chat: boolean;
  /** Decided from the ticket's age: recent tickets are mostly open. */
  plannedState: TicketState;
  owner: number;
  teamSize: number;
}

export function tellStory(planRng: Rng, layoutRng: () => Rng, input: StoryInput): Story {
  const kinds = plan(planRng, input.plannedState);
  const { chat } = input;
  const nominal = kinds.reduce((sum, kind, i) => {
    if (i === 0 || kind === "comment") return sum;
    if (kind === "agent") return sum + (chat ? 5 * MINUTE : 5 * HOUR);
    return sum + (chat ? 4 * MINUTE : 12 * HOUR);
  }, 0);
  const tail =
    input.plannedState === "closed"
      ? planRng.between(chat ? 10 * MINUTE : 2 * HOUR, chat ? HOUR : 48 * HOUR)
      : planRng.between(MINUTE, 90 * MINUTE);
  // Lay the story out from an estimated start; when business hours push it past L, start it
  // earlier by the overshoot and lay it out again with the same draws (a few rounds converge).
  let createdAt = Math.floor(input.lastModified - nominal - tail);
  let events = layout(layoutRng(), kinds, createdAt, input);
  for (let round = 0; round < 4; round++) {
    const overshoot = events[events.length - 1]!.at - (input.lastModified - Math.min(tail, 10 * MINUTE));
    if (overshoot < 0) break;
    createdAt = Math.floor(createdAt - overshoot - tail);
    events = layout(layoutRng(), kinds, createdAt, input);
  }
  const kept = events.filter((e) => e.at < input.lastModified);
  return { createdAt, events: kept, state: input.plannedState === "closed" ? "closed" : stateOf(kept) };
}

function layout(rng: Rng, kinds: StoryEventKind[], createdAt: number, input: StoryInput): StoryEvent[] {
  const { chat } = input;
  const events: StoryEvent[] = [{ kind: "customer", at: createdAt, member: -1 }];
  let at = createdAt;
  let agentReplies = 0;
  let pendingComment = false;
  for (const kind of kinds.slice(1)) {
    if (kind === "comment") {
      pendingComment = true;
      continue;
    }
    const previous = at;
    if (kind === "agent") {
      at = agentReplyTime(rng, at, chat, agentReplies === 0);
      const member = rng.chance(0.85) ? input.owner : rng.int(input.teamSize);
      if (pendingComment) {
        const commentAt = Math.floor(previous + (at - previous) * rng.between(0.3, 0.9));
        events.push({ kind: "comment", at: commentAt, member: rng.int(input.teamSize) });
        pendingComment = false;
      }
      events.push({ kind: "agent", at, member });
      agentReplies++;
    } else {
      at = Math.floor(at + (chat ? rng.between(MINUTE, 10 * MINUTE) : rng.between(20 * MINUTE, 30 * HOUR)));
      events.push({ kind: "customer", at, member: -1 });
    }
  }
  return events;
}

function plan(rng: Rng, state: TicketState): StoryEventKind[] {
  const kinds: StoryEventKind[] = ["customer"];
  const agent = () => {
    if (rng.chance(0.12)) kinds.push("comment");
    kinds.push("agent");
  };
  switch (state) {
    case "new":
      break;
    case "waitingOnUs":
      agent();
      kinds.push("customer");
      if (rng.chance(0.4)) {
        agent();
        kinds.push("customer");
      }
      break;
    case "waitingOnContact":
      agent();
      if (rng.chance(0.35)) {
        kinds.push("customer");
        agent();
      }
      break;
    case "closed": {
      agent();
      const rounds = rng.int(3);
      for (let r = 0; r < rounds; r++) {
        kinds.push("customer");
        agent();
      }
      if (rng.chance(0.3)) kinds.push("customer");
      break;
    }
  }
  return kinds;
}

/**
 * When the team answers: live chat within minutes during the day; out of hours mostly the next
 * morning with occasional best-effort replies; first replies mostly inside the 4-business-hour
 * target, some close to it and some late.
 */
function agentReplyTime(rng: Rng, after: number, chat: boolean, first: boolean): number {
  if (chat && isBusinessTime(after)) return Math.floor(after + rng.between(MINUTE, 8 * MINUTE));
  if (!isBusinessTime(after) && rng.chance(0.12)) return Math.floor(after + rng.between(20 * MINUTE, 2 * HOUR));
  let minutes: number;
  if (!first) minutes = rng.between(10, 300);
  else {
    const roll = rng.next();
    minutes = roll < 0.7 ? rng.between(5, 150) : roll < 0.88 ? rng.between(150, 235) : rng.between(245, 600);
  }
  return Math.floor(addBusinessMinutes(after, minutes));
}

function stateOf(events: StoryEvent[]): TicketState {
  const said = events.filter((e) => e.kind !== "comment");
  if (!said.some((e) => e.kind === "agent")) return "new";
  return said[said.length - 1]!.kind === "agent" ? "waitingOnContact" : "waitingOnUs";
}
