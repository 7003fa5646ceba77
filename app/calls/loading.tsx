// Shown while /calls renders on the server: the shape of the filter bar and the table, so nothing jumps.
export default function CallsLoading() {
  return (
    <main className="mx-auto flex max-w-screen-2xl flex-col gap-4 px-4 py-5" aria-busy="true">
      <p className="sr-only" role="status">
        Loading calls…
      </p>
      <div className="h-14 border-b border-slate-200" />
      <div className="h-7 w-32 animate-pulse rounded bg-slate-200" />
      <div className="flex flex-wrap gap-3 rounded-lg border border-slate-200 bg-white p-3">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="h-14 w-40 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
      <div className="rounded-lg border border-slate-200 bg-white">
        <div className="h-12 border-b border-slate-200" />
        {Array.from({ length: 12 }, (_, i) => (
          <div key={i} className="flex gap-4 border-b border-slate-100 px-3 py-2.5">
            {Array.from({ length: 9 }, (_, j) => (
              <div key={j} className="h-4 flex-1 animate-pulse rounded bg-slate-100" />
            ))}
          </div>
        ))}
      </div>
    </main>
  );
}
