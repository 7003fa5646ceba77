const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** Axis ticks of a busy month ("180K", "1.2M") fit the 48 px the axes give them; tooltips keep exact numbers. */
export function axisNumber(n: number): string {
  return compact.format(n);
}
