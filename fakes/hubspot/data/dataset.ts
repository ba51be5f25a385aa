import { ID_BASE, MAX_GENERATED } from "../ids";
import { Rng, Stream, rngFor } from "../prng";
import { iso } from "../properties";
import {
  AGENT_FOLLOWUPS, COMMUNITY_LINKS, COMPANY_KINDS, COMPANY_SUFFIXES, COMPANY_WORDS, COUNTRIES, CUSTOMER_FOLLOWUPS, DEVICE_NAMES,
  DOCS, FF_VERSIONS, FIRST_NAMES, FREEMAIL_DOMAINS, GREETINGS, HOSTILE_HTML, INDUSTRIES, INSTANCE_NAMES, INTERNAL_COMMENTS,
  JOB_TITLES, LAST_NAMES, NODE_PACKAGES, NR_VERSIONS, PLANS, SIGNOFFS, TEAM, TEAM_NAMES, TOPICS, type Topic, type TopicKind,
} from "./catalogue";
import { DEFAULT_PIPELINE_ID, ESCALATION_PIPELINE_ID, TEAM_OWNERS, stageFor, type TicketState } from "./portal-config";
import { tellStory, type Story, type StoryEventKind } from "./story";

// The generated data set: every company, contact, ticket, thread and message is a pure function
// of (seed, index), so nothing is materialised up front and a 1,000,000-ticket set costs no memory
// until a record is read.
//
// Timestamps are designed so the search API can work on ranges without scanning: a ticket's
// hs_lastmodifieddate is non-decreasing in its index (index i sits in slot i of a grid spread over
// the data set's time span, jittered inside its slot), and ids are BASE + index. So "modified
// between A and B, sorted by hs_lastmodifieddate" is an index range found by binary search, and
// ties are ordered by id. The optional sameModifiedDate block gives `count` consecutive tickets
// one shared timestamp, which keeps the order monotonic and produces the tie storm that a
// reconciliation must survive.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface DatasetOptions {
  tickets: number;
  seed?: number;
  /** The instant the data set is "as of"; defaults to the simulator's start time. */
  anchor?: string | number;
  /** Time span covered by ticket activity; defaults to tickets/12 days, between 7 and 365. */
  spanDays?: number;
  /** `count` consecutive tickets (from startIndex, default: centred) share one hs_lastmodifieddate. */
  sameModifiedDate?: { count: number; startIndex?: number };
}

export type SupportTier = "managed" | "enterprise" | "community";

export interface CompanyData {
  index: number;
  id: number;
  name: string;
  domain: string;
  tier: SupportTier | null;
  industry: string;
  country: string;
  employees: number;
  createdAt: number;
  modifiedAt: number;
}

export interface ContactData {
  index: number;
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  companyIndex: number | null;
  jobTitle: string;
  createdAt: number;
  modifiedAt: number;
}

export type SourceType = "CHAT" | "EMAIL" | "FORM" | "PHONE";

export interface TicketData {
  index: number;
  id: number;
  contactIndex: number;
  companyIndex: number | null;
  source: SourceType;
  pipeline: string;
  state: TicketState;
  owner: number | null;
  story: Story;
  lastModified: number;
  threadId: number | null;
  properties: Record<string, string>;
}

export interface GeneratedMessage {
  id: string;
  kind: StoryEventKind;
  at: number;
  /** Team index for agent messages and comments, -1 for the customer. */
  member: number;
  text: string;
  richText: string;
}

interface TicketText {
  topic: Topic;
  subject: string;
  fills: Record<string, string>;
  firstMessage: string;
  /** Appended to the first message's HTML only: the text version never carries it. */
  hostileHtml: string;
}

const TIER_WEIGHTS = { managed: 50, enterprise: 10, community: 22, none: 18 } as const;
const SOURCE_WEIGHTS = { EMAIL: 80, CHAT: 12, FORM: 5, PHONE: 3 } as const;
const OPEN_STATE_WEIGHTS = { new: 35, waitingOnUs: 35, waitingOnContact: 30 } as const;
const PRIORITY_WEIGHTS = {
  bug: { HIGH: 35, MEDIUM: 35, URGENT: 8, LOW: 7, none: 15 },
  billing: { MEDIUM: 40, LOW: 30, HIGH: 10, none: 20 },
  question: { LOW: 45, MEDIUM: 25, none: 30 },
} as const;

const TOPIC_WEIGHTS: Record<SupportTier | "unknown", Partial<Record<TopicKind, number>>> = {
  managed: { "app-bug": 35, billing: 25, "node-red": 18, "third-party": 15, feature: 5, "self-hosted": 2 },
  enterprise: { "app-bug": 40, billing: 10, "node-red": 10, "third-party": 12, enterprise: 20, feature: 8 },
  community: { "self-hosted": 50, "app-bug": 15, "node-red": 20, "third-party": 12, feature: 3 },
  unknown: { "app-bug": 25, billing: 15, "node-red": 25, "third-party": 20, "self-hosted": 15 },
};

const TOPICS_BY_KIND = Object.fromEntries(
  (["app-bug", "billing", "node-red", "third-party", "self-hosted", "enterprise", "feature"] as const).map((kind) => [kind, TOPICS.filter((t) => t.kind === kind)]),
) as Record<TopicKind, Topic[]>;

const TLD: Record<string, string> = {
  "United Kingdom": "co.uk", Germany: "de", Netherlands: "nl", "United States": "com", Sweden: "se", Poland: "pl",
  France: "fr", Spain: "es", Italy: "it", Japan: "jp", India: "in", Brazil: "com.br",
};

export class Dataset {
  readonly seed: number;
  readonly ticketCount: number;
  readonly companyCount: number;
  readonly contactCount: number;
  readonly anchor: number;
  private readonly step: number;
  private readonly start: number;
  private readonly sameBlock: { from: number; to: number } | null;
  // Ticket -> contact is an affine permutation of the ticket index, so "tickets of a contact" can
  // be computed by inverting it instead of scanning.
  private readonly mulA: number;
  private readonly addB: number;
  private readonly mulInv: number;

  constructor(options: DatasetOptions, defaultAnchor: number) {
    const n = options.tickets;
    if (!Number.isInteger(n) || n < 0 || n > MAX_GENERATED) throw new Error(`dataset.tickets must be an integer in 0..${MAX_GENERATED}`);
    this.seed = (options.seed ?? 1) >>> 0;
    this.ticketCount = n;
    this.companyCount = Math.max(12, Math.round(n / 6));
    this.contactCount = Math.max(30, Math.round(n / 2.5));
    const anchor = options.anchor === undefined ? defaultAnchor : new Date(options.anchor).getTime();
    if (Number.isNaN(anchor)) throw new Error(`dataset.anchor is not a date: ${String(options.anchor)}`);
    this.anchor = anchor;
    const spanDays = options.spanDays ?? Math.min(365, Math.max(7, n / 12));
    this.step = n > 0 ? (spanDays * DAY) / n : 0;
    this.start = anchor - spanDays * DAY - MINUTE;

    const same = options.sameModifiedDate;
    if (same && same.count > 0) {
      const count = Math.min(same.count, n);
      const from = same.startIndex ?? Math.floor((n - count) / 2);
      if (from < 0 || from + count > n) throw new Error("sameModifiedDate block does not fit in the data set");
      this.sameBlock = { from, to: from + count };
    } else {
      this.sameBlock = null;
    }

    this.mulA = [7919, 104_729, 1_299_709, 15_485_863].find((p) => n % p !== 0) ?? 1;
    this.addB = n > 0 ? this.seed % n : 0;
    this.mulInv = n > 1 ? modInverse(this.mulA % n, n) : 0;
  }

  // ---- time ----------------------------------------------------------------------------

  /** hs_lastmodifieddate of generated ticket i: non-decreasing in i. */
  modifiedAt(i: number): number {
    const slot = this.sameBlock && i >= this.sameBlock.from && i < this.sameBlock.to ? this.sameBlock.from : i;
    return Math.floor(this.start + (slot + rngFor(this.seed, Stream.ticket, slot, 1).next()) * this.step);
  }

  /** The first ticket index whose hs_lastmodifieddate is >= t (ticketCount if none). */
  firstModifiedAtOrAfter(t: number): number {
    let lo = 0;
    let hi = this.ticketCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.modifiedAt(mid) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // ---- companies and contacts ----------------------------------------------------------

  /** The company's support tier: its stream's first draw, so routing needs nothing else. */
  companyTier(k: number): SupportTier | null {
    const roll = rngFor(this.seed, Stream.company, k).weighted(TIER_WEIGHTS);
    return roll === "none" ? null : roll;
  }

  company(k: number): CompanyData {
    const rng = rngFor(this.seed, Stream.company, k);
    const tier = this.companyTier(k);
    rng.next();
    const combos = COMPANY_WORDS.length * COMPANY_KINDS.length;
    const p = (k * 337 + 11) % combos;
    const word = COMPANY_WORDS[Math.floor(p / COMPANY_KINDS.length)]!;
    const kind = COMPANY_KINDS[p % COMPANY_KINDS.length]!;
    const round = Math.floor(k / combos);
    const country = rng.pick(COUNTRIES);
    const suffix = rng.pick(COMPANY_SUFFIXES);
    const name = [word, kind, round > 0 ? String(round + 1) : "", suffix].filter(Boolean).join(" ");
    const domain = `${ascii(word)}${ascii(kind)}${round > 0 ? round + 1 : ""}.${TLD[country] ?? "com"}`;
    const createdAt = Math.floor(this.start - rng.between(30, 1500) * DAY);
    return {
      index: k,
      id: ID_BASE.companies + k,
      name,
      domain,
      tier,
      industry: rng.pick(INDUSTRIES),
      country,
      employees: Math.floor(rng.between(5, 5000)),
      createdAt,
      modifiedAt: Math.floor(createdAt + rng.between(1, 30) * DAY),
    };
  }

  /** Whether a contact writes from a personal mailbox (and so has no company): the stream's first draw. */
  private isFreemail(c: number): boolean {
    return rngFor(this.seed, Stream.contact, c).chance(0.15);
  }

  companyOfContact(c: number): number | null {
    return this.isFreemail(c) ? null : c % this.companyCount;
  }

  /** A contact's name: the draws after the freemail one, so a greeting needs nothing else. */
  contactName(c: number): { firstName: string; lastName: string } {
    const rng = rngFor(this.seed, Stream.contact, c);
    rng.next();
    return { firstName: rng.pick(FIRST_NAMES), lastName: rng.pick(LAST_NAMES) };
  }

  contact(c: number): ContactData {
    const rng = rngFor(this.seed, Stream.contact, c);
    const freemail = rng.chance(0.15);
    const { firstName, lastName } = this.contactName(c);
    rng.next();
    rng.next();
    const local = `${ascii(firstName)}.${ascii(lastName)}`;
    let email: string;
    let companyIndex: number | null = null;
    if (freemail) {
      email = `${local.replace(".", "")}${c}@${rng.pick(FREEMAIL_DOMAINS)}`;
    } else {
      companyIndex = c % this.companyCount;
      // The n-th contact of a company gets a numeric suffix, so addresses stay unique.
      const nth = Math.floor(c / this.companyCount);
      email = `${local}${nth > 0 ? nth + 1 : ""}@${this.company(companyIndex).domain}`;
    }
    const createdAt = Math.floor(this.start - rng.between(1, 400) * DAY);
    return {
      index: c,
      id: ID_BASE.contacts + c,
      firstName,
      lastName,
      email,
      companyIndex,
      jobTitle: rng.pick(JOB_TITLES),
      createdAt,
      modifiedAt: Math.floor(createdAt + rng.between(0, 20) * DAY),
    };
  }

  contactsOfCompany(k: number): number[] {
    const out: number[] = [];
    for (let c = k; c < this.contactCount; c += this.companyCount) if (!this.isFreemail(c)) out.push(c);
    return out;
  }

  // ---- ticket <-> contact --------------------------------------------------------------

  contactOfTicket(i: number): number {
    const n = this.ticketCount;
    return ((this.mulA * i + this.addB) % n) % this.contactCount;
  }

  ticketsOfContact(c: number): number[] {
    const n = this.ticketCount;
    const out: number[] = [];
    for (let j = c; j < n; j += this.contactCount) out.push((this.mulInv * ((((j - this.addB) % n) + n) % n)) % n);
    return out.sort((a, b) => a - b);
  }

  ticketsOfCompany(k: number): number[] {
    return this.contactsOfCompany(k)
      .flatMap((c) => this.ticketsOfContact(c))
      .sort((a, b) => a - b);
  }

  // ---- tickets -------------------------------------------------------------------------

  ticket(i: number): TicketData {
    const rng = rngFor(this.seed, Stream.ticket, i);
    const lastModified = this.modifiedAt(i);
    const contactIndex = this.contactOfTicket(i);
    const companyIndex = this.companyOfContact(contactIndex);
    const tier = companyIndex === null ? null : this.companyTier(companyIndex);
    const source = rng.weighted(SOURCE_WEIGHTS);
    const pipeline = tier === "enterprise" && rng.chance(0.35) ? ESCALATION_PIPELINE_ID : DEFAULT_PIPELINE_ID;
    const owner = rng.int(TEAM.length);
    const age = this.anchor - lastModified;
    const openChance = age < DAY ? 0.85 : age < 3 * DAY ? 0.45 : age < 14 * DAY ? 0.12 : 0.02;
    const plannedState: TicketState = rng.chance(openChance)
      ? rng.weighted(OPEN_STATE_WEIGHTS)
      : "closed";
    const story = tellStory(rngFor(this.seed, Stream.story, i), () => rngFor(this.seed, Stream.story, i, 1), {
      lastModified,
      chat: source === "CHAT",
      plannedState,
      owner,
      teamSize: TEAM.length,
    });
    const text = this.ticketText(i, tier);
    const priority = priorityFor(rng, text.topic.kind);
    const hasThread = source === "CHAT" || source === "EMAIL";
    const threadId = hasThread ? ID_BASE.threads + i : null;
    const id = ID_BASE.tickets + i;
    const agentEvents = story.events.filter((e) => e.kind === "agent");
    const customerEvents = story.events.filter((e) => e.kind === "customer");
    const assigned = agentEvents.length > 0 || source === "PHONE" || rng.chance(0.4);

    const p: Record<string, string> = {
      hs_object_id: String(id),
      subject: text.subject,
      content: source === "PHONE" ? `Phone call: ${text.firstMessage}` : text.firstMessage,
      hs_pipeline: pipeline,
      hs_pipeline_stage: stageFor(pipeline, story.state),
      source_type: source,
      hs_object_source: source === "FORM" ? "FORMS" : source === "PHONE" ? "CRM_UI" : "CONVERSATIONS",
      createdate: iso(story.createdAt),
      hs_lastmodifieddate: iso(lastModified),
    };
    if (priority) p.hs_ticket_priority = priority;
    if (rng.chance(0.65)) p.hs_ticket_category = text.topic.category;
    if (story.state === "closed") p.closed_date = iso(lastModified);
    if (assigned) {
      p.hubspot_owner_id = TEAM_OWNERS[owner]!.id;
      p.hubspot_owner_assigneddate = iso(agentEvents[0]?.at ?? Math.min(story.createdAt + 5 * MINUTE, lastModified));
    }
    if (threadId !== null) {
      p.hs_conversations_originating_thread_id = String(threadId);
      const lastCustomer = customerEvents[customerEvents.length - 1];
      const lastAgent = agentEvents[agentEvents.length - 1];
      if (agentEvents[0]) p.hs_first_agent_message_sent_at = iso(agentEvents[0].at);
      if (lastAgent) p.hs_last_message_sent_at = iso(lastAgent.at);
      if (lastCustomer) p.hs_last_message_received_at = iso(lastCustomer.at);
    }
    return {
      index: i,
      id,
      contactIndex,
      companyIndex,
      source,
      pipeline,
      state: story.state,
      owner: assigned ? owner : null,
      story,
      lastModified,
      threadId,
      properties: p,
    };
  }

  private ticketText(i: number, tier: SupportTier | null): TicketText {
    const rng = rngFor(this.seed, Stream.text, i);
    const kind = rng.weighted(TOPIC_WEIGHTS[tier ?? "unknown"] as Record<TopicKind, number>);
    const topic = rng.pick(TOPICS_BY_KIND[kind]);
    const contact = this.contactName(this.contactOfTicket(i));
    const fills: Record<string, string> = {
      instance: rng.pick(INSTANCE_NAMES),
      device: rng.pick(DEVICE_NAMES),
      team: rng.pick(TEAM_NAMES),
      version: rng.pick(FF_VERSIONS),
      nrVersion: rng.pick(NR_VERSIONS),
      node: rng.pick(NODE_PACKAGES),
      plan: rng.pick(PLANS.slice(1)),
      invoice: `INV-${String(10_000 + rng.int(90_000))}`,
      amount: `£${(rng.int(40) * 25 + 25).toFixed(2)}`,
      time: `${String(7 + rng.int(12)).padStart(2, "0")}:${String(rng.int(60)).padStart(2, "0")}`,
      firstName: contact.firstName,
    };
    const chatty = rng.chance(0.5);
    const greeting = rng.pick(GREETINGS);
    const signoff = rng.pick(SIGNOFFS);
    const hostile = rng.chance(0.03);
    const body = fill(topic.body, fills);
    const text = chatty ? `${greeting}\n\n${body}\n\n${signoff},\n${contact.firstName}` : `${body}\n\n${signoff}\n${contact.firstName} ${contact.lastName}`;
    return { topic, subject: fill(topic.subject, fills), fills, firstMessage: text, hostileHtml: hostile ? rng.pick(HOSTILE_HTML) : "" };
  }

  /** The conversation of a generated ticket, oldest first. */
  messages(ticket: TicketData): GeneratedMessage[] {
    const tier = ticket.companyIndex === null ? null : this.companyTier(ticket.companyIndex);
    const text = this.ticketText(ticket.index, tier);
    const chat = ticket.source === "CHAT";
    const customer = this.contactName(ticket.contactIndex);
    let agentReplies = 0;
    return ticket.story.events.map((event, k) => {
      const rng = rngFor(this.seed, Stream.message, ticket.index, k);
      const id = rng.hex32();
      const agentName = event.member >= 0 ? TEAM[event.member]!.firstName : "";
      const fills = { ...text.fills, agent: agentName };
      let body: string;
      if (k === 0) {
        return { id, kind: event.kind, at: event.at, member: event.member, text: text.firstMessage, richText: toHtml(text.firstMessage) + text.hostileHtml };
      } else if (event.kind === "agent") {
        const reply = fill(agentReplies === 0 ? text.topic.reply : rng.pick(AGENT_FOLLOWUPS), fills);
        agentReplies++;
        body = chat ? reply : `Hi ${customer.firstName},\n\n${reply}\n\nBest regards,\n${agentName}\nFlowForge Support`;
      } else if (event.kind === "customer") {
        body = fill(rng.pick(CUSTOMER_FOLLOWUPS), fills);
      } else {
        body = fill(rng.pick(INTERNAL_COMMENTS), { ...fills, agent: TEAM[(event.member + 1) % TEAM.length]!.firstName });
      }
      return { id, kind: event.kind, at: event.at, member: event.member, text: body, richText: toHtml(body) };
    });
  }
}

function priorityFor(rng: Rng, kind: TopicKind): string | null {
  const roll =
    kind === "app-bug" || kind === "enterprise"
      ? rng.weighted(PRIORITY_WEIGHTS.bug)
      : kind === "billing"
        ? rng.weighted(PRIORITY_WEIGHTS.billing)
        : rng.weighted(PRIORITY_WEIGHTS.question);
  return roll === "none" ? null : roll;
}

function fill(template: string, fills: Record<string, string>): string {
  return template.replace(/\{(doc|community):(\w+)\}|\{(\w+)\}/g, (whole, ns: string | undefined, key: string | undefined, name: string | undefined) => {
    if (ns === "doc") return DOCS[key as keyof typeof DOCS] ?? whole;
    if (ns === "community") return COMMUNITY_LINKS[key as keyof typeof COMMUNITY_LINKS] ?? whole;
    return fills[name!] ?? whole;
  });
}

function toHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((para) => `<p>${escapeHtml(para).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const SPECIAL_LETTERS: Record<string, string> = { ø: "o", æ: "ae", ß: "ss", ł: "l", đ: "d" };

/** A name as it would appear in an email address. */
function ascii(name: string): string {
  return name
    .toLowerCase()
    .replace(/[øæßłđ]/g, (ch) => SPECIAL_LETTERS[ch] ?? "")
    .normalize("NFD")
    .replace(/[^a-z]/g, "");
}

function modInverse(a: number, m: number): number {
  let [oldR, r] = [a, m];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}
