import { cn } from "@/lib/utils";

/** A titled card of the analytics page; `id` names it for aria-labelledby and for links. */
export function Panel({
  id,
  title,
  description,
  actions,
  className,
  children,
}: {
  id: string;
  title: string;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className={cn("flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4", className)}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
            {title}
          </h2>
          {description && <p className="mt-0.5 text-xs text-slate-600">{description}</p>}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** What an empty panel says: no calls match, and what to change. */
export function EmptyState({ children }: { children?: React.ReactNode }) {
  return (
    <div className="flex min-h-32 flex-col items-center justify-center gap-1 rounded-md border border-dashed border-slate-300 bg-slate-50 p-4 text-center text-sm text-slate-700">
      <p className="font-medium">No calls in this period with these filters.</p>
      <p className="text-xs text-slate-600">
        {children ?? "Pick a longer time range or remove a filter. Calls appear here once the vendor's bill callbacks or a sync have stored them."}
      </p>
    </div>
  );
}
