import { TEAM } from "./catalogue";

// The parts of the simulated HubSpot account that are configuration rather than data:
// pipelines, the support team's owners and users, roles, conversation channels and the inbox.

export interface PipelineStage {
  id: string;
  label: string;
  displayOrder: number;
  ticketState: "OPEN" | "CLOSED";
}

export interface Pipeline {
  id: string;
  label: string;
  displayOrder: number;
  stages: PipelineStage[];
}

export type TicketState = "new" | "waitingOnContact" | "waitingOnUs" | "closed";

export const DEFAULT_PIPELINE_ID = "0";
export const ESCALATION_PIPELINE_ID = "21834207";

export const PIPELINES: readonly Pipeline[] = [
  {
    id: DEFAULT_PIPELINE_ID,
    label: "Support Pipeline",
    displayOrder: 0,
    stages: [
      { id: "1", label: "New", displayOrder: 0, ticketState: "OPEN" },
      { id: "2", label: "Waiting on contact", displayOrder: 1, ticketState: "OPEN" },
      { id: "3", label: "Waiting on us", displayOrder: 2, ticketState: "OPEN" },
      { id: "4", label: "Closed", displayOrder: 3, ticketState: "CLOSED" },
    ],
  },
  {
    id: ESCALATION_PIPELINE_ID,
    label: "Enterprise escalations",
    displayOrder: 1,
    stages: [
      { id: "21834208", label: "Triage", displayOrder: 0, ticketState: "OPEN" },
      { id: "21834209", label: "Waiting on customer", displayOrder: 1, ticketState: "OPEN" },
      { id: "21834210", label: "With engineering", displayOrder: 2, ticketState: "OPEN" },
      { id: "21834211", label: "Resolved", displayOrder: 3, ticketState: "CLOSED" },
    ],
  },
];

/** Stages are listed in this order in both pipelines. */
const STATES_BY_ORDER: readonly TicketState[] = ["new", "waitingOnContact", "waitingOnUs", "closed"];

/** The stage that represents each ticket state, per pipeline (in stage display order). */
export function stageFor(pipelineId: string, state: TicketState): string {
  const pipeline = PIPELINES.find((p) => p.id === pipelineId) ?? PIPELINES[0]!;
  return pipeline.stages[STATES_BY_ORDER.indexOf(state)]!.id;
}

export function stateOfStage(pipelineId: string, stageId: string): TicketState | undefined {
  const stage = findStage(pipelineId, stageId);
  return stage ? STATES_BY_ORDER[stage.displayOrder] : undefined;
}

export function findStage(pipelineId: string, stageId: string): PipelineStage | undefined {
  return PIPELINES.find((p) => p.id === pipelineId)?.stages.find((s) => s.id === stageId);
}

/** Pipeline config dates: fixed, as a real portal's are. */
export const CONFIG_CREATED_AT = "2023-03-01T10:00:00.000Z";

export interface Owner {
  id: string;
  userId: number;
  email: string;
  firstName: string;
  lastName: string;
}

const OWNER_ID_BASE = 412_345_001;
const TEAM_USER_ID_BASE = 61_234_001;

export const TEAM_OWNERS: readonly Owner[] = TEAM.map((member, i) => ({
  id: String(OWNER_ID_BASE + i),
  userId: TEAM_USER_ID_BASE + i,
  ...member,
}));

export const SUPPORT_TEAM = { id: "7766001", name: "Support" } as const;

export const ROLES = [
  { id: "100001", name: "Support agent", requiresBillingWrite: false },
  { id: "100002", name: "Support lead", requiresBillingWrite: false },
  { id: "100003", name: "Billing admin", requiresBillingWrite: true },
] as const;

export const CHANNELS = [
  { id: "1000", name: "Live chat" },
  { id: "1001", name: "Facebook Messenger" },
  { id: "1002", name: "Email" },
  { id: "1007", name: "WhatsApp" },
] as const;

export const CHAT_CHANNEL = { channelId: "1000", channelAccountId: "240127001", name: "FlowForge website chat" } as const;
export const EMAIL_CHANNEL = {
  channelId: "1002",
  channelAccountId: "240127002",
  name: "support@flowforge.com",
  address: "support@flowforge.com",
} as const;

export const INBOX = { id: "147959634", name: "Support", type: "HELP_DESK" as const };
