/** Skeleton of the wallboard while the first board is read. */
export default function LiveLoading() {
  return (
    <main className="mx-auto max-w-screen-2xl px-4 py-5" aria-busy="true" aria-label="Loading the live board">
      <div className="mb-4 h-7 w-32 animate-pulse rounded bg-slate-200" />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="h-20 animate-pulse rounded-lg bg-slate-200" />
        ))}
      </div>
      <div className="mt-4 grid grid-cols-[repeat(auto-fill,minmax(10.5rem,1fr))] gap-3">
        {Array.from({ length: 12 }, (_, i) => (
          <div key={i} className="h-28 animate-pulse rounded-lg bg-slate-200" />
        ))}
      </div>
    </main>
  );
}
