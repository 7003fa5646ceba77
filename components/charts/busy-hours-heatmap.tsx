import Link from "next/link";
import { WEEKDAY_LABELS } from "@/lib/calls";

/** A cell; `href` (when the cell stands for one hour of the range) opens that hour's calls. */
type HeatmapCellView = { weekday: number; hour: number; calls: number; answered: number; href: string | null };

const LOW = [240, 249, 255] as const; // sky-50
const HIGH = [7, 89, 133] as const; // sky-800

/**
 * Weekday × hour grid of call counts (a plain table: readable by screen readers, every linked cell reachable by
 * keyboard). Cells that stand for one hour of the range link to that hour's calls.
 */
export function BusyHoursHeatmap({ cells, caption }: { cells: HeatmapCellView[]; caption: string }) {
  const max = Math.max(1, ...cells.map((c) => c.calls));
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[640px] table-fixed border-separate border-spacing-0.5 text-[11px]">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="w-10">
              <span className="sr-only">Weekday</span>
            </th>
            {Array.from({ length: 24 }, (_, h) => (
              <th key={h} scope="col" className="font-normal text-slate-600">
                {h % 3 === 0 ? String(h).padStart(2, "0") : <span className="sr-only">{h}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAY_LABELS.map((day, weekday) => (
            <tr key={day}>
              <th scope="row" className="pr-1 text-left font-medium text-slate-700">
                {day}
              </th>
              {cells
                .filter((c) => c.weekday === weekday)
                .sort((a, b) => a.hour - b.hour)
                .map((c) => {
                  const [bg, fg] = colors(c.calls / max, c.calls > 0);
                  const title = `${day} ${String(c.hour).padStart(2, "0")}:00–${String(c.hour + 1).padStart(2, "0")}:00: ${c.calls.toLocaleString("en-US")} calls, ${c.answered.toLocaleString("en-US")} answered`;
                  const text = c.calls > 0 ? compact(c.calls) : "";
                  return (
                    <td key={c.hour} className="h-7 rounded-sm p-0 text-center tabular-nums" style={{ backgroundColor: bg, color: fg }} title={title}>
                      {c.href && c.calls > 0 ? (
                        <Link
                          href={c.href}
                          prefetch={false}
                          aria-label={title}
                          className="block h-full w-full rounded-sm leading-7 outline-offset-1 hover:ring-2 hover:ring-amber-500 focus-visible:outline-2 focus-visible:outline-amber-600"
                        >
                          {text}
                        </Link>
                      ) : (
                        <span className="block leading-7">{text}</span>
                      )}
                    </td>
                  );
                })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-2 flex items-center gap-2 text-xs text-slate-600" aria-hidden>
        <span>Fewer</span>
        <span className="h-2.5 w-24 rounded-sm" style={{ background: `linear-gradient(to right, rgb(${LOW.join(",")}), rgb(${HIGH.join(",")}))` }} />
        <span>More calls</span>
      </div>
    </div>
  );
}

function compact(n: number): string {
  return n >= 10_000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${(n / 1000).toFixed(1)}k` : String(n);
}

/** Background by intensity, and black or white text, whichever contrasts more (always ≥ 4.5:1). */
function colors(intensity: number, any: boolean): [string, string] {
  if (!any) return ["#f8fafc", "#000000"];
  const t = 0.15 + 0.85 * Math.min(1, Math.max(0, intensity));
  const rgb = LOW.map((lo, i) => Math.round(lo + (HIGH[i]! - lo) * t)) as [number, number, number];
  const lum = luminance(rgb);
  const onWhite = 1.05 / (lum + 0.05);
  const onBlack = (lum + 0.05) / 0.05;
  return [`rgb(${rgb.join(",")})`, onWhite >= onBlack ? "#ffffff" : "#000000"];
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
