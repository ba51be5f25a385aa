import { z } from "zod";
import { arrangementInputSchema } from "@/lib/tiers/arrangement-schema";
import { tierRuleInputSchema } from "@/lib/tiers/rule-schema";

/** Creates a rule (id null) or replaces one. A new contact or company assignment replaces the one already there. */
export const saveTierRuleInput = z.object({ id: z.uuid().nullable(), rule: tierRuleInputSchema });
export const moveTierRuleInput = z.object({ id: z.uuid(), direction: z.enum(["up", "down"]) });
export const deleteTierRuleInput = z.object({ id: z.uuid() });

export const saveArrangementInput = arrangementInputSchema;
export const deleteArrangementInput = z.object({ companyId: z.string().regex(/^\d+$/) });

export const saveTierSettingsInput = z.object({
  companyTierProperty: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]*$/, "Enter the property's internal name, e.g. support_tier (lower case, digits and _)")
    .max(100),
});
