"use client";

import { isServer, QueryClient, QueryClientProvider } from "@tanstack/react-query";

/** The one QueryClient factory (t3 `trpc/query-client.ts`): data seeded by the server stays fresh for a while. */
function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Seeded from the server's initialData: no refetch right after hydration unless a query polls.
        staleTime: 30_000,
        refetchOnWindowFocus: true,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/** A new client per server render (no data shared between requests), one for the life of the browser tab. */
function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

export function Providers({ children }: { children: React.ReactNode }) {
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}
