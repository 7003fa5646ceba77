// /live: the wallboard of extensions, today's counters and the latest calls, refreshed every second
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { AppHeader } from "@/components/app-header";
import { Wallboard } from "@/components/wallboard/wallboard";
import { requireUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { currentPolls, getLiveBoard } from "@/lib/queries/live";

export const metadata: Metadata = { title: "Live" };
export const dynamic = "force-dynamic";

export default async function LivePage() {
  const user = await requireUser();
  const db = getDb();
  const env = getEnv();
  const board = getLiveBoard(db, { displayTz: env.DISPLAY_TZ, polled: currentPolls(db, env) });
  return (
    <>
      <AppHeader current="/live" userEmail={user.email} />
      <main className="mx-auto max-w-screen-2xl px-4 py-5">
        <Wallboard initialData={board} />
      </main>
    </>
  );
}
