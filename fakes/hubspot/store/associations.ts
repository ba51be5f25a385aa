import type { Dataset } from "../data/dataset";
import { ID_BASE } from "../ids";
import type { ObjectType } from "../properties";

// Associations between CRM records. Generated records' associations are computed from the data
// set (ticket -> contact -> company); associations made at run time (notes on tickets, tickets
// created with associations) are stored both ways, as HubSpot does.

export interface AssociationTypeDef {
  typeId: number;
  from: ObjectType;
  to: ObjectType;
  /** The v3 API's name for it, e.g. "ticket_to_contact". */
  name: string;
  /** The v4 label: "Primary" for primary associations, null for unlabeled ones. */
  label: string | null;
  inverse: number;
}

const defs: AssociationTypeDef[] = [];
function pair(from: ObjectType, to: ObjectType, typeId: number, name: string, inverseId: number, inverseName: string, label: string | null = null) {
  defs.push({ typeId, from, to, name, label, inverse: inverseId });
  defs.push({ typeId: inverseId, from: to, to: from, name: inverseName, label, inverse: typeId });
}
pair("tickets", "contacts", 16, "ticket_to_contact", 15, "contact_to_ticket");
pair("tickets", "companies", 339, "ticket_to_company_unlabeled", 340, "company_to_ticket_unlabeled");
pair("tickets", "companies", 26, "ticket_to_company", 25, "company_to_ticket", "Primary");
pair("notes", "tickets", 228, "note_to_ticket", 227, "ticket_to_note");
pair("notes", "contacts", 202, "note_to_contact", 201, "contact_to_note");
pair("notes", "companies", 190, "note_to_company", 189, "company_to_note");
pair("contacts", "companies", 279, "contact_to_company_unlabeled", 280, "company_to_contact_unlabeled");
pair("contacts", "companies", 1, "contact_to_company", 2, "company_to_contact", "Primary");

export const ASSOCIATION_TYPES: ReadonlyMap<number, AssociationTypeDef> = new Map(defs.map((d) => [d.typeId, d]));

export interface Association {
  toId: number;
  typeIds: number[];
}

export class Associations {
  /** `${from}:${fromId}:${to}` -> toId -> type ids. */
  private readonly added = new Map<string, Map<number, Set<number>>>();

  constructor(private readonly dataset: Dataset) {}

  list(from: ObjectType, fromId: number, to: ObjectType): Association[] {
    const merged = new Map<number, Set<number>>();
    for (const { toId, typeIds } of this.generated(from, fromId, to)) merged.set(toId, new Set(typeIds));
    for (const [toId, typeIds] of this.added.get(key(from, fromId, to)) ?? []) {
      const set = merged.get(toId) ?? new Set<number>();
      for (const t of typeIds) set.add(t);
      merged.set(toId, set);
    }
    return [...merged]
      .map(([toId, typeIds]) => ({ toId, typeIds: [...typeIds].sort((a, b) => a - b) }))
      .sort((a, b) => a.toId - b.toId);
  }

  add(fromId: number, toId: number, typeId: number): void {
    const def = ASSOCIATION_TYPES.get(typeId);
    if (!def) throw new Error(`unknown association type ${typeId}`);
    this.put(def.from, fromId, def.to, toId, typeId);
    this.put(def.to, toId, def.from, fromId, def.inverse);
  }

  private put(from: ObjectType, fromId: number, to: ObjectType, toId: number, typeId: number): void {
    const k = key(from, fromId, to);
    let targets = this.added.get(k);
    if (!targets) this.added.set(k, (targets = new Map()));
    let types = targets.get(toId);
    if (!types) targets.set(toId, (types = new Set()));
    types.add(typeId);
  }

  private generated(from: ObjectType, fromId: number, to: ObjectType): Association[] {
    const d = this.dataset;
    const index = (type: "tickets" | "contacts" | "companies", count: number) => {
      const i = fromId - ID_BASE[type];
      return i >= 0 && i < count ? i : undefined;
    };
    if (from === "tickets") {
      const i = index("tickets", d.ticketCount);
      if (i === undefined) return [];
      const contact = d.contactOfTicket(i);
      if (to === "contacts") return [{ toId: ID_BASE.contacts + contact, typeIds: [16] }];
      const company = d.companyOfContact(contact);
      if (to === "companies" && company !== null) return [{ toId: ID_BASE.companies + company, typeIds: [26, 339] }];
    } else if (from === "contacts") {
      const c = index("contacts", d.contactCount);
      if (c === undefined) return [];
      if (to === "tickets") return d.ticketsOfContact(c).map((t) => ({ toId: ID_BASE.tickets + t, typeIds: [15] }));
      const company = d.companyOfContact(c);
      if (to === "companies" && company !== null) return [{ toId: ID_BASE.companies + company, typeIds: [1, 279] }];
    } else if (from === "companies") {
      const k = index("companies", d.companyCount);
      if (k === undefined) return [];
      if (to === "contacts") return d.contactsOfCompany(k).map((c) => ({ toId: ID_BASE.contacts + c, typeIds: [2, 280] }));
      if (to === "tickets") return d.ticketsOfCompany(k).map((t) => ({ toId: ID_BASE.tickets + t, typeIds: [25, 340] }));
    }
    return [];
  }
}

function key(from: ObjectType, fromId: number, to: ObjectType): string {
  return `${from}:${fromId}:${to}`;
}
