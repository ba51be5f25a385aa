import { z } from "zod";
import { isPublicEmailDomain } from "@/lib/tiers/public-email-domains";
import { ASSIGNABLE_TIERS } from "@/lib/tiers/tier";

// One tier rule as the admin form edits it and the server action checks it. Values are cleaned
// (trimmed, lower-cased where case means nothing) so that what is stored is what is matched.

export const RULE_KINDS = ["CONTACT", "COMPANY", "COMPANY_PROPERTY", "EMAIL_DOMAIN"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const DOMAIN_PATTERN = new RegExp(`^(?:${LABEL}\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$`);
const HUBSPOT_ID = /^\d+$/;

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/^@/, "").replace(/\.$/, ""))
  .pipe(
    z
      .string()
      .max(253)
      .regex(DOMAIN_PATTERN, "Enter a domain such as acme.com, without @ or https://")
      .refine((value) => !isPublicEmailDomain(value), "A public mail domain says nothing about the customer's company"),
  );

const contact = z
  .string()
  .trim()
  .min(1, "Enter a contact id or email address")
  .transform((value) => (value.includes("@") ? value.toLowerCase() : value))
  .pipe(z.union([z.string().regex(HUBSPOT_ID), z.email()], { error: "Enter a HubSpot contact id (digits) or an email address" }));

const common = {
  tier: z.enum(ASSIGNABLE_TIERS),
  /** Position among the rules of the same kind; kinds have a fixed precedence (see resolve-tier.ts). */
  order: z.number().int().min(0),
};

export const tierRuleInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("CONTACT"), contact, ...common }),
  z.object({ kind: z.literal("COMPANY"), companyId: z.string().trim().regex(HUBSPOT_ID, "Enter a HubSpot company id (digits)"), ...common }),
  z.object({
    kind: z.literal("COMPANY_PROPERTY"),
    values: z.array(z.string().trim().min(1, "A value cannot be empty")).min(1, "Add at least one property value"),
    ...common,
  }),
  z.object({ kind: z.literal("EMAIL_DOMAIN"), domain, includeSubdomains: z.boolean().default(false), ...common }),
]);

export type TierRuleInput = z.infer<typeof tierRuleInputSchema>;
export type TierRule = TierRuleInput & { id: string };
