"use server";

import { revalidatePath } from "next/cache";
import { requestRecompute } from "@/lib/actions/recompute";
import { safeAction } from "@/lib/actions/safe-action";
import { addHolidayInput, removeHolidayInput, saveSlaSettingsInput } from "@/lib/actions/sla-schema";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { bumpSlaVersion } from "@/lib/queue/load-config";
import { FLOWFORGE_CALENDAR } from "@/lib/sla/business-calendar";

// The business calendar and the due-soon threshold: admins only; tickets are recomputed after.

async function changed(user: string, what: string) {
  console.log(`sla: ${user} ${what}`);
  await requestRecompute();
  for (const path of ["/sla", "/queue", "/tiers"]) revalidatePath(path);
}

export const saveSlaSettings = safeAction({ role: "ADMIN", input: saveSlaSettingsInput }, async ({ dueSoonMinutes }, { user }) => {
  await db().$transaction(async (tx) => {
    await bumpSlaVersion(tx);
    await tx.slaSettings.update({ where: { id: 1 }, data: { dueSoonMinutes } });
  });
  await changed(user.email, `set "due soon" to ${dueSoonMinutes} business minutes`);
  return { dueSoonMinutes };
});

export const addHoliday = safeAction({ role: "ADMIN", input: addHolidayInput }, async ({ date, name }, { user }) => {
  if (FLOWFORGE_CALENDAR.holidays.has(date)) throw new AppError("CONFLICT", `${date} is already a bank holiday.`);
  await db().$transaction(async (tx) => {
    await tx.businessHoliday.upsert({ where: { date }, create: { date, name }, update: { name } });
    await bumpSlaVersion(tx);
  });
  await changed(user.email, `added the day off ${date} (${name})`);
  return { date };
});

export const removeHoliday = safeAction({ role: "ADMIN", input: removeHolidayInput }, async ({ date }, { user }) => {
  await db().$transaction(async (tx) => {
    const { count } = await tx.businessHoliday.deleteMany({ where: { date } });
    if (count === 0) throw new AppError("NOT_FOUND", "That day off was already removed.");
    await bumpSlaVersion(tx);
  });
  await changed(user.email, `removed the day off ${date}`);
  return { date };
});
