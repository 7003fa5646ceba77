"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisNumber } from "./axis-number";
import { useOpenHref } from "./use-open-href";

type BarListDatum = { label: string; value: number; href?: string | null };

/**
 * Horizontal bars, one per category, longest first as given. A bar with an `href` opens it on click; the panel
 * beside the chart carries the same links as a table for keyboard users.
 */
export function BarListChart({
  data,
  valueName,
  color = "#0369a1",
  ariaLabel,
  labelWidth = 170,
}: {
  data: BarListDatum[];
  valueName: string;
  color?: string;
  ariaLabel: string;
  labelWidth?: number;
}) {
  const open = useOpenHref(data);
  const height = Math.max(120, data.length * 30 + 40);
  return (
    <div role="img" aria-label={ariaLabel} style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height }}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
          style={{ cursor: data.some((d) => d.href) ? "pointer" : undefined }}
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tickFormatter={axisNumber} tick={{ fontSize: 12, fill: "#475569" }} />
          <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fontSize: 12, fill: "#334155" }} interval={0} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} formatter={(v) => [Number(v).toLocaleString("en-US"), valueName]} />
          <Bar onClick={(_, i) => open(i)} dataKey="value" name={valueName} fill={color} radius={[0, 3, 3, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
