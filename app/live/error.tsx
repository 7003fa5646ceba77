"use client";

import { Button } from "@/components/ui/button";

/** The first render of the board failed (a database error): say so and offer a retry. */
export default function LiveError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-screen-2xl px-4 py-5">
      <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6 text-sm text-red-900">
        <p className="font-medium">The live board could not be loaded.</p>
        <p className="mt-1">This is a problem on our side; the details are in the server log.</p>
        <Button className="mt-3" onClick={reset}>
          Try again
        </Button>
      </div>
    </main>
  );
}
