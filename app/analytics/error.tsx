"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";

/** The page itself failed (not one panel): say so and retry with a fresh server render. */
export default function AnalyticsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <main className="mx-auto flex max-w-screen-2xl flex-col gap-4 px-4 py-5">
      <h1 className="text-xl font-semibold text-slate-900">Analytics</h1>
      <div role="alert" className="flex flex-col items-start gap-2 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
        <p className="font-semibold">The analytics could not be loaded.</p>
        <p>Nothing was changed. Try again; if it keeps failing, give the administrator this reference: {error.digest ?? "none"}.</p>
        <Button
          variant="outline"
          size="sm"
          disabled={pending}
          onClick={() =>
            startTransition(() => {
              router.refresh();
              reset();
            })
          }
        >
          {pending ? "Retrying…" : "Retry"}
        </Button>
      </div>
    </main>
  );
}
