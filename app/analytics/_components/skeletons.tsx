/** Grey placeholders shaped like the panels, shown while each panel's query runs. */
export function TilesSkeleton() {
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" aria-busy="true" aria-label="Loading totals">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="h-32 animate-pulse rounded-lg border border-slate-200 bg-white p-4">
          <div className="h-3 w-20 rounded bg-slate-200" />
          <div className="mt-3 h-7 w-24 rounded bg-slate-200" />
          <div className="mt-3 h-3 w-28 rounded bg-slate-100" />
        </div>
      ))}
    </div>
  );
}

export function PanelSkeleton({ title, height = 260, className }: { title: string; height?: number; className?: string }) {
  return (
    <section
      aria-busy="true"
      aria-label={`Loading ${title}`}
      className={`flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 ${className ?? ""}`}
    >
      <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
      <div className="animate-pulse rounded-md bg-slate-100" style={{ height }} />
    </section>
  );
}
