import Link from "next/link";
import { SignOutButton } from "@/components/sign-out-button";

const NAV = [
  { href: "/calls", label: "Calls" },
  { href: "/analytics", label: "Analytics" },
  { href: "/live", label: "Live" },
  { href: "/sync", label: "Sync" },
  { href: "/settings", label: "Settings" },
] as const;

export function AppHeader({ current, userEmail }: { current: string; userEmail: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-screen-2xl items-center gap-6 px-4">
        <Link href="/calls" className="text-base font-semibold text-slate-900">
          Call analytics
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1">
          {NAV.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              aria-current={current === item.href ? "page" : undefined}
              className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-sky-50 aria-[current=page]:text-sky-800"
            >
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm text-slate-600">
          <span>{userEmail}</span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
