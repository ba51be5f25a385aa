import { z } from "zod";
import { FLOWFORGE_CALENDAR, calendarRules, withExtraHolidays, type BusinessCalendar } from "@/lib/sla/business-calendar";

// An Enterprise account's arrangement as admins edit it, and its calendar as stored (JSON in
// enterprise_arrangements.calendar). A calendar override is a full set of hours: the account may be
// served 08:00–18:00, or on its own weekdays, or in another zone.

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export const arrangementCalendarSchema = z
  .object({
    timeZone: z
      .string()
      .trim()
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat("en-GB", { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, "Enter an IANA time zone such as Europe/London or America/New_York"),
    open: z.string().regex(TIME, "Enter a time as HH:MM"),
    close: z.string().regex(TIME, "Enter a time as HH:MM"),
    /** ISO weekdays: 1 Monday … 7 Sunday. */
    workdays: z.array(z.number().int().min(1).max(7)).min(1, "Pick at least one working day"),
    /** Whether England and Wales bank holidays and the team's own days off are days off for this account. */
    observeHolidays: z.boolean(),
  })
  .refine((calendar) => calendar.close > calendar.open, { message: "Closing time must be after opening time", path: ["close"] });

export type ArrangementCalendar = z.infer<typeof arrangementCalendarSchema>;

export const arrangementInputSchema = z.object({
  companyId: z.string().trim().regex(/^\d+$/, "Enter a HubSpot company id (digits)"),
  notes: z.string().trim().max(4000),
  contacts: z.string().trim().max(2000),
  /** Business minutes; empty: the standard 240. */
  targetMinutes: z.number().int().min(15, "At least 15 minutes").max(7 * 24 * 60).nullable(),
  calendar: arrangementCalendarSchema.nullable(),
});

export type ArrangementInput = z.infer<typeof arrangementInputSchema>;

/**
 * The business calendar an arrangement's stored calendar describes, or null when it has none or
 * the stored value no longer parses (then the standard calendar applies). `teamHolidays` are the
 * admin-added days off, applied with the bank holidays when the account observes them.
 */
export function arrangementCalendar(stored: unknown, teamHolidays: Iterable<string> = []): BusinessCalendar | null {
  if (stored === null || stored === undefined) return null;
  const parsed = arrangementCalendarSchema.safeParse(stored);
  if (!parsed.success) return null;
  const { timeZone, open, close, workdays, observeHolidays } = parsed.data;
  const calendar: BusinessCalendar = {
    timeZone,
    open,
    close,
    workdays: [...new Set(workdays)].sort(),
    holidays: observeHolidays ? withExtraHolidays(FLOWFORGE_CALENDAR, teamHolidays).holidays : new Set(),
  };
  try {
    calendarRules(calendar);
    return calendar;
  } catch {
    return null;
  }
}

/** "Mon–Fri 08:00–18:00 America/New_York", for the Tiers screen. */
export function describeCalendar(calendar: ArrangementCalendar): string {
  const names = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  const days = [...new Set(calendar.workdays)].sort();
  const contiguous = days.length > 2 && days.every((day, index) => index === 0 || day === days[index - 1]! + 1);
  const dayText = contiguous ? `${names[days[0]!]}–${names[days.at(-1)!]}` : days.map((day) => names[day]).join(", ");
  return `${dayText} ${calendar.open}–${calendar.close} ${calendar.timeZone}${calendar.observeHolidays ? "" : ", no holidays"}`;
}
