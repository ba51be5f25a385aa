"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { requestRecompute } from "@/lib/actions/recompute";
import {
  deleteArrangementInput,
  deleteTierRuleInput,
  moveTierRuleInput,
  saveArrangementInput,
  saveTierRuleInput,
  saveTierSettingsInput,
} from "@/lib/actions/tiers-schema";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { bumpSlaVersion } from "@/lib/queue/load-config";
import type { TierRuleInput } from "@/lib/tiers/rule-schema";

// Tier rules, Enterprise arrangements and the tier property: admins only. Every change moves the
// settings version on in the same transaction, and the worker recomputes the tickets it affects.

function columnsOf(rule: TierRuleInput) {
  return {
    kind: rule.kind,
    tier: rule.tier,
    contact: rule.kind === "CONTACT" ? rule.contact : null,
    companyId: rule.kind === "COMPANY" ? rule.companyId : null,
    propertyValues: rule.kind === "COMPANY_PROPERTY" ? rule.values : [],
    domain: rule.kind === "EMAIL_DOMAIN" ? rule.domain : null,
    includeSubdomains: rule.kind === "EMAIL_DOMAIN" ? rule.includeSubdomains : false,
  } satisfies Omit<Prisma.TierRuleUncheckedCreateInput, "position">;
}

async function changed(user: string, what: string) {
  console.log(`tiers: ${user} ${what}`);
  await requestRecompute();
  for (const path of ["/tiers", "/queue", "/sla"]) revalidatePath(path);
}

export const saveTierRule = safeAction({ role: "ADMIN", input: saveTierRuleInput }, async ({ id, rule }, { user }) => {
  const saved = await db().$transaction(async (tx) => {
    const data = columnsOf(rule);
    if (id) {
      const existing = await tx.tierRule.findUnique({ where: { id } });
      if (!existing) throw new AppError("NOT_FOUND", "That rule was deleted in the meantime.");
      // A rule that changes kind joins the end of its new kind's list.
      const position = existing.kind === rule.kind ? existing.position : await nextPosition(tx, rule.kind);
      const updated = await tx.tierRule.update({ where: { id }, data: { ...data, position } });
      await bumpSlaVersion(tx);
      return updated;
    }
    // One assignment per contact or company: assigning again changes the tier.
    const same =
      rule.kind === "CONTACT" || rule.kind === "COMPANY"
        ? await tx.tierRule.findFirst({ where: rule.kind === "CONTACT" ? { kind: "CONTACT", contact: rule.contact } : { kind: "COMPANY", companyId: rule.companyId } })
        : null;
    const created = same
      ? await tx.tierRule.update({ where: { id: same.id }, data: { tier: rule.tier } })
      : await tx.tierRule.create({ data: { ...data, position: await nextPosition(tx, rule.kind) } });
    await bumpSlaVersion(tx);
    return created;
  });
  await changed(user.email, `${id ? "changed" : "saved"} tier rule ${saved.id} (${saved.kind} → ${saved.tier})`);
  return { id: saved.id };
});

async function nextPosition(tx: Prisma.TransactionClient, kind: TierRuleInput["kind"]): Promise<number> {
  const last = await tx.tierRule.findFirst({ where: { kind }, orderBy: { position: "desc" } });
  return last ? last.position + 1 : 0;
}

export const moveTierRule = safeAction({ role: "ADMIN", input: moveTierRuleInput }, async ({ id, direction }, { user }) => {
  await db().$transaction(async (tx) => {
    const rule = await tx.tierRule.findUnique({ where: { id } });
    if (!rule) throw new AppError("NOT_FOUND", "That rule was deleted in the meantime.");
    const siblings = await tx.tierRule.findMany({ where: { kind: rule.kind }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
    const index = siblings.findIndex((sibling) => sibling.id === id);
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= siblings.length) return;
    [siblings[index], siblings[target]] = [siblings[target]!, siblings[index]!];
    // Positions are rewritten 0…n-1, which also repairs any gaps or ties.
    for (const [position, sibling] of siblings.entries()) {
      if (sibling.position !== position) await tx.tierRule.update({ where: { id: sibling.id }, data: { position } });
    }
    await bumpSlaVersion(tx);
  });
  await changed(user.email, `moved tier rule ${id} ${direction}`);
  return { id };
});

export const deleteTierRule = safeAction({ role: "ADMIN", input: deleteTierRuleInput }, async ({ id }, { user }) => {
  await db().$transaction(async (tx) => {
    const { count } = await tx.tierRule.deleteMany({ where: { id } });
    if (count === 0) throw new AppError("NOT_FOUND", "That rule was already deleted.");
    await bumpSlaVersion(tx);
  });
  await changed(user.email, `deleted tier rule ${id}`);
  return { id };
});

export const saveArrangement = safeAction({ role: "ADMIN", input: saveArrangementInput }, async (input, { user }) => {
  // Prisma writes SQL NULL for a Json column only when told so explicitly.
  const data = { notes: input.notes, contacts: input.contacts, targetMinutes: input.targetMinutes, calendar: input.calendar ?? Prisma.DbNull };
  await db().$transaction(async (tx) => {
    await tx.enterpriseArrangement.upsert({
      where: { companyId: input.companyId },
      create: { companyId: input.companyId, ...data },
      update: data,
    });
    await bumpSlaVersion(tx);
  });
  await changed(user.email, `saved the arrangement of company ${input.companyId}`);
  return { companyId: input.companyId };
});

export const deleteArrangement = safeAction({ role: "ADMIN", input: deleteArrangementInput }, async ({ companyId }, { user }) => {
  await db().$transaction(async (tx) => {
    const { count } = await tx.enterpriseArrangement.deleteMany({ where: { companyId } });
    if (count === 0) throw new AppError("NOT_FOUND", "That arrangement was already removed.");
    await bumpSlaVersion(tx);
  });
  await changed(user.email, `removed the arrangement of company ${companyId}`);
  return { companyId };
});

export const saveTierSettings = safeAction({ role: "ADMIN", input: saveTierSettingsInput }, async ({ companyTierProperty }, { user }) => {
  await db().$transaction(async (tx) => {
    await bumpSlaVersion(tx);
    await tx.slaSettings.update({ where: { id: 1 }, data: { companyTierProperty } });
  });
  await changed(user.email, `set the company tier property to ${companyTierProperty}`);
  return { companyTierProperty };
});
