import { PanelSkeleton, TilesSkeleton } from "./_components/skeletons";

/** While the session and the filter bar's options load; each panel then streams behind its own skeleton. */
export default function AnalyticsLoading() {
  return (
    <main className="mx-auto flex max-w-screen-2xl flex-col gap-4 px-4 py-5" aria-busy="true">
      <h1 className="text-xl font-semibold text-slate-900">Analytics</h1>
      <div className="h-16 animate-pulse rounded-lg border border-slate-200 bg-white" />
      <TilesSkeleton />
      <div className="grid gap-4 lg:grid-cols-3">
        <PanelSkeleton title="Hangup causes" className="lg:col-span-2" height={320} />
        <PanelSkeleton title="Hangup direction" height={320} />
      </div>
    </main>
  );
}
