import { Providers } from "@/components/providers";

/** /live refreshes without navigation through TanStack Query; the provider lives here, not in the root layout. */
export default function LiveLayout({ children }: { children: React.ReactNode }) {
  return <Providers>{children}</Providers>;
}
