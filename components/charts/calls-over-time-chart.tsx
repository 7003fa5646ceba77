"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisNumber } from "./axis-number";
import { useOpenHref } from "./use-open-href";

type TimePoint = { label: string; calls: number; answered: number; talkMin: number; href: string };

/** Calls and answered calls (bars, left axis) and talk minutes (line, right axis) per bucket; a click opens the bucket's calls. */
export function CallsOverTimeChart({ data, ariaLabel, height = 260 }: { data: TimePoint[]; ariaLabel: string; height?: number }) {
  const open = useOpenHref(data);
  return (
    <div role="img" aria-label={ariaLabel} style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height }}>
        <ComposedChart data={data} margin={{ top: 8, right: 4, bottom: 4, left: 0 }} style={{ cursor: "pointer" }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#475569" }} minTickGap={16} />
          <YAxis yAxisId="calls" allowDecimals={false} width={48} tickFormatter={axisNumber} tick={{ fontSize: 12, fill: "#475569" }} />
          <YAxis yAxisId="talk" orientation="right" width={48} tickFormatter={axisNumber} tick={{ fontSize: 12, fill: "#475569" }} />
          <Tooltip
            cursor={{ fill: "#f1f5f9" }}
            formatter={(v, name) => [name === "Talk time (min)" ? Number(v).toFixed(1) : Number(v).toLocaleString("en-US"), name]}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar onClick={(_, i) => open(i)} yAxisId="calls" dataKey="calls" name="Calls" fill="#93c5fd" isAnimationActive={false} />
          <Bar onClick={(_, i) => open(i)} yAxisId="calls" dataKey="answered" name="Answered" fill="#0369a1" isAnimationActive={false} />
          <Line yAxisId="talk" dataKey="talkMin" name="Talk time (min)" stroke="#b45309" strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
