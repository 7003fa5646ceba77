import { Providers } from "@/components/providers";

/** /analytics loads its panels from GET /api/analytics through TanStack Query. */
export default function AnalyticsLayout({ children }: { children: React.ReactNode }) {
  return <Providers>{children}</Providers>;
}
