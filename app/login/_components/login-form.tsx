"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";

export function LoginForm({ nextPath }: { nextPath: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const res = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      if (res.ok) {
        // A full navigation so the server renders the next page with the new cookie.
        window.location.assign(nextPath);
        return;
      }
      setError(messageFor(res));
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 flex flex-col gap-4">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="email">Email</Label>
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="password">Password</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <div role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-700">
        {error}
      </div>
      <Button type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}

function messageFor(res: Response): string {
  if (res.status === 401) return "Wrong email or password.";
  if (res.status === 429) {
    const retry = Number(res.headers.get("x-retry-after"));
    const wait = Number.isFinite(retry) && retry > 0 ? `${retry} seconds` : "a minute";
    return `Too many sign-in attempts. Wait ${wait} and try again.`;
  }
  if (res.status === 400) return "Enter a valid email and password.";
  return "Sign-in failed on our side. Try again in a moment.";
}
