// Saved replies are plain text with placeholders for the customer and the ticket, such as
// "Hi {{contact.firstName|there}}," ("there" when the first name is unknown). Rendered in the
// browser when a saved reply is inserted; checked when an admin saves one.

export const TEMPLATE_FIELDS = {
  "contact.firstName": "the customer's first name",
  "contact.lastName": "the customer's last name",
  "contact.name": "the customer's full name",
  "contact.email": "the customer's email address",
  "company.name": "the customer's company",
  "ticket.id": "the HubSpot ticket number",
  "ticket.subject": "the ticket's subject",
  "agent.firstName": "your first name",
  "agent.name": "your full name",
} as const;

export type TemplateField = keyof typeof TEMPLATE_FIELDS;
export type TemplateContext = Partial<Record<TemplateField, string | null>>;

const PLACEHOLDER = /\{\{\s*([A-Za-z.]+)\s*(?:\|([^}]*))?\}\}/g;

function isField(name: string): name is TemplateField {
  return Object.hasOwn(TEMPLATE_FIELDS, name);
}

/** Placeholders that name no known field (a typo would otherwise reach the customer verbatim). */
export function unknownPlaceholders(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((match) => match[1]!).filter((name) => !isField(name)))];
}

/** The text with every placeholder filled; `missing` lists fields with no value and no default. */
export function renderTemplate(body: string, context: TemplateContext): { text: string; missing: TemplateField[] } {
  const missing = new Set<TemplateField>();
  const text = body.replace(PLACEHOLDER, (whole, name: string, fallback: string | undefined) => {
    if (!isField(name)) return whole;
    const value = context[name]?.trim();
    if (value) return value;
    if (fallback !== undefined) return fallback.trim();
    missing.add(name);
    return "";
  });
  return { text, missing: [...missing] };
}
