/** TanStack Query keys of the live pages, from one factory so that invalidation stays predictable. */
export const liveKeys = {
  all: ["live"] as const,
  board: () => [...liveKeys.all, "board"] as const,
};
