import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from "@/lib/sla/bank-holidays";
import { loadSlaConfig, type Db } from "@/lib/queue/load-config";

export interface CalendarSettings {
  dueSoonMinutes: number;
  /** Admin-added days off, soonest first, past ones last. */
  teamDaysOff: { date: string; name: string }[];
  /** The next England and Wales bank holidays, for reference. */
  upcomingBankHolidays: { date: string; name: string }[];
}

/** London's date today, YYYY-MM-DD. */
function londonToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export async function loadCalendarSettings(db: Db, now: Date): Promise<CalendarSettings> {
  const [config, days] = await Promise.all([loadSlaConfig(db), db.businessHoliday.findMany({ orderBy: { date: "asc" } })]);
  const today = londonToday(now);
  return {
    dueSoonMinutes: config.dueSoonMinutes,
    teamDaysOff: [...days.filter((day) => day.date >= today), ...days.filter((day) => day.date < today).reverse()].map(({ date, name }) => ({ date, name })),
    upcomingBankHolidays: ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((holiday) => holiday.date >= today)
      .slice(0, 4)
      .map(({ date, name }) => ({ date, name })),
  };
}
