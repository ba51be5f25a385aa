import type { AttainmentCounts, AttainmentWeek } from "@/lib/sla/attainment";
import type { Tier } from "@/lib/tiers/tier";
import { TIER_SHORT_LABELS } from "@/components/tier-badge";

// First-response attainment per week against the 95% line, drawn as SVG on the server. The same
// figures follow in a table, which is what assistive technology reads (the SVG is summarised in
// its title and description).

const TARGET = 95;
const WIDTH = 720;
const HEIGHT = 260;
const PAD = { left: 44, right: 30, top: 16, bottom: 36 };

interface Series {
  key: "overall" | Tier;
  label: string;
  stroke: string;
  dash?: string;
  width: number;
  pick: (week: AttainmentWeek<Tier>) => AttainmentCounts | undefined;
}

// Community tickets carry no SLA, so they have no attainment.
const SERIES: Series[] = [
  { key: "overall", label: "All tiers", stroke: "#4338ca", width: 3, pick: (week) => week.overall },
  { key: "MANAGED", label: TIER_SHORT_LABELS.MANAGED, stroke: "#0369a1", dash: "6 4", width: 2, pick: (week) => week.byTier.MANAGED },
  { key: "ENTERPRISE", label: TIER_SHORT_LABELS.ENTERPRISE, stroke: "#047857", dash: "2 3", width: 2, pick: (week) => week.byTier.ENTERPRISE },
  { key: "UNKNOWN", label: TIER_SHORT_LABELS.UNKNOWN, stroke: "#b45309", dash: "8 3 2 3", width: 2, pick: (week) => week.byTier.UNKNOWN },
];

const percent = (value: number | null | undefined) => (value === null || value === undefined ? "—" : `${value.toFixed(value === 100 ? 0 : 1)}%`);

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "7 Sep": the week's Monday. */
function weekLabel(week: AttainmentWeek<Tier>): string {
  const [, month, day] = week.startsOn.split("-");
  return `${Number(day)} ${MONTHS[Number(month) - 1]}`;
}

export function AttainmentChart({ weeks }: { weeks: AttainmentWeek<Tier>[] }) {
  const x = (index: number) => PAD.left + (index * (WIDTH - PAD.left - PAD.right)) / Math.max(1, weeks.length - 1);
  const y = (value: number) => PAD.top + ((100 - value) * (HEIGHT - PAD.top - PAD.bottom)) / 100;
  const decided = weeks.filter((week) => week.overall.percent !== null);
  const current = weeks.at(-1)?.overall.percent ?? null;
  const atTarget = decided.filter((week) => week.overall.percent! >= TARGET).length;
  const summary =
    decided.length === 0
      ? "No first response has been met or missed in these weeks yet."
      : `All tiers: ${atTarget} of ${decided.length} weeks with an outcome reached the 95% target; this week ${percent(current)}.`;

  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4" data-testid="attainment">
      <figcaption className="text-sm font-medium text-slate-900">First responses in time, per week of creation (last {weeks.length} weeks)</figcaption>
      <p className="mt-1 text-sm text-slate-600">{summary}</p>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="mt-3 h-auto w-full" role="img" aria-labelledby="attainment-title attainment-desc">
        <title id="attainment-title">First-response attainment per week against the 95% target</title>
        <desc id="attainment-desc">{`${summary} The table below lists every week's figures.`}</desc>
        {[0, 25, 50, 75, 100].map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" />
            <text x={PAD.left - 8} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#475569">
              {tick}%
            </text>
          </g>
        ))}
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(TARGET)} y2={y(TARGET)} stroke="#dc2626" strokeDasharray="4 4" strokeWidth="1.5" />
        <text x={PAD.left + 6} y={y(TARGET) - 5} fontSize="11" fill="#b91c1c">
          95% target
        </text>
        {weeks.map((week, index) => (
          <text key={week.week} x={x(index)} y={HEIGHT - PAD.bottom + 18} textAnchor="middle" fontSize="11" fill="#475569">
            {weekLabel(week)}
          </text>
        ))}
        {SERIES.map((series) => {
          const points = weeks.map((week, index) => {
            const value = series.pick(week)?.percent;
            return value === null || value === undefined ? null : { x: x(index), y: y(value) };
          });
          // A week without outcomes breaks the line rather than pretending to be 0%.
          const path = points.reduce((d, point, index) => (point ? `${d}${points[index - 1] ? "L" : "M"}${point.x.toFixed(1)},${point.y.toFixed(1)}` : d), "");
          return (
            <g key={series.key}>
              {path ? <path d={path} fill="none" stroke={series.stroke} strokeWidth={series.width} strokeDasharray={series.dash} /> : null}
              {points.map((point, index) => (point ? <circle key={index} cx={point.x} cy={point.y} r={series.key === "overall" ? 3.5 : 2.5} fill={series.stroke} /> : null))}
            </g>
          );
        })}
      </svg>
      <ul className="mt-2 flex flex-wrap gap-4 text-xs text-slate-700" aria-label="Legend">
        {SERIES.map((series) => (
          <li key={series.key} className="flex items-center gap-1.5">
            <svg width="28" height="8" aria-hidden="true">
              <line x1="0" x2="28" y1="4" y2="4" stroke={series.stroke} strokeWidth={series.width} strokeDasharray={series.dash} />
            </svg>
            {series.label}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <svg width="28" height="8" aria-hidden="true">
            <line x1="0" x2="28" y1="4" y2="4" stroke="#dc2626" strokeWidth="1.5" strokeDasharray="4 4" />
          </svg>
          95% target
        </li>
      </ul>
      <div className="mt-4 overflow-x-auto">
        <table className="min-w-full text-xs" data-testid="attainment-table">
          <caption className="sr-only">First responses in time per week: met out of met and missed, by tier</caption>
          <thead className="text-left font-semibold text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3">Week of</th>
              {SERIES.map((series) => (
                <th key={series.key} scope="col" className="py-1 pr-3">
                  {series.label}
                </th>
              ))}
              <th scope="col" className="py-1 pr-3">Still running</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 text-slate-800">
            {weeks.map((week) => (
              <tr key={week.week}>
                <th scope="row" className="py-1 pr-3 text-left font-normal">
                  {week.startsOn} <span className="text-slate-600">({week.week})</span>
                </th>
                {SERIES.map((series) => {
                  const counts = series.pick(week);
                  return (
                    <td key={series.key} className="py-1 pr-3 tabular-nums">
                      {percent(counts?.percent)}
                      {counts && counts.met + counts.missed > 0 ? (
                        <span className="text-slate-600">
                          {" "}
                          ({counts.met}/{counts.met + counts.missed})
                        </span>
                      ) : null}
                    </td>
                  );
                })}
                <td className="py-1 pr-3 tabular-nums">{week.overall.pending}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
