import { formatAgo, formatInstant } from "@/lib/format";

/** "5 minutes ago", with the exact time on hover and for assistive technology in the datetime. */
export function TimeAgo({ date, now }: { date: Date; now: Date }) {
  return (
    <time dateTime={date.toISOString()} title={formatInstant(date)}>
      {formatAgo(date, now)}
    </time>
  );
}
