import { z } from "zod";
import { parseDay } from "@/lib/sla/civil-date";

export const saveSlaSettingsInput = z.object({
  dueSoonMinutes: z.number().int().min(5, "At least 5 minutes").max(480, "At most 480 minutes (a business day)"),
});

const day = z
  .string()
  .trim()
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && parseDay(value) !== null, "Enter a date as YYYY-MM-DD");

export const addHolidayInput = z.object({ date: day, name: z.string().trim().min(1, "Give the day a name").max(80) });
export const removeHolidayInput = z.object({ date: day });
