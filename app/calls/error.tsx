"use client";

import Link from "next/link";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

// Any unexpected failure under /calls (the database is locked or gone, a bug): say so, offer a retry.
export default function CallsError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";
  return (
    <main className="mx-auto max-w-screen-md px-4 py-16">
      <div role="alert" className="rounded-lg border border-red-200 bg-white p-6">
        <h1 className="text-lg font-semibold text-slate-900">The calls could not be loaded</h1>
        <p className="mt-2 text-sm text-slate-700">
          Something failed on the server while reading the calls. It is often temporary (the database was busy); try again. If it keeps failing, give the
          reference below to whoever runs the server.
        </p>
        {digest && <p className="mt-2 font-mono text-xs text-slate-600">Reference: {digest}</p>}
        <div className="mt-4 flex gap-3">
          <Button onClick={() => retry()}>Try again</Button>
          <Link href="/calls" className="inline-flex h-9 items-center rounded-md px-3 text-sm font-medium text-slate-700 hover:bg-slate-100">
            Reset the filters
          </Link>
        </div>
      </div>
    </main>
  );
}
