"use client";

import { useRouter } from "next/navigation";

/** A chart's drill-down: clicking the i-th bar opens that datum's `href`, when it has one. */
export function useOpenHref(data: readonly { href?: string | null }[]): (index: number) => void {
  const router = useRouter();
  return (index) => {
    const href = data[index]?.href;
    if (href) router.push(href);
  };
}
