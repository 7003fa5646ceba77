"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisNumber } from "./axis-number";
import { useOpenHref } from "./use-open-href";

type ColumnDatum = { label: string; value: number; href?: string | null };

/** Vertical bars over ordered categories (a histogram); a column with an `href` opens it on click. */
export function ColumnChart({
  data,
  valueName,
  color = "#0369a1",
  ariaLabel,
  height = 240,
}: {
  data: ColumnDatum[];
  valueName: string;
  color?: string;
  ariaLabel: string;
  height?: number;
}) {
  const open = useOpenHref(data);
  return (
    <div role="img" aria-label={ariaLabel} style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height }}>
        <BarChart
          data={data}
          margin={{ top: 8, right: 8, bottom: 4, left: 0 }}
          style={{ cursor: data.some((d) => d.href) ? "pointer" : undefined }}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#475569" }} interval={0} angle={-35} textAnchor="end" height={48} />
          <YAxis allowDecimals={false} width={48} tickFormatter={axisNumber} tick={{ fontSize: 12, fill: "#475569" }} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} formatter={(v) => [Number(v).toLocaleString("en-US"), valueName]} />
          <Bar onClick={(_, i) => open(i)} dataKey="value" name={valueName} fill={color} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
