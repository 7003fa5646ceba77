"use client";

import { useState } from "react";
import { Check, Copy, Eye, EyeOff } from "lucide-react";
import { Button } from "@/components/ui/button";

type Endpoint = { label: string; description: string; url: string };
type Props = { endpoints: Endpoint[]; token: string; maskedToken: string };

/**
 * The callback addresses to paste into the vendor's backend. The token is a secret: masked until "Show", though
 * Copy always copies the working address.
 */
export function CallbackUrls({ endpoints, token, maskedToken }: Props) {
  const [shown, setShown] = useState(false);
  return (
    <div className="flex flex-col gap-3">
      <div>
        <Button type="button" variant="outline" size="sm" aria-pressed={shown} onClick={() => setShown((s) => !s)}>
          {shown ? <EyeOff aria-hidden className="size-4" /> : <Eye aria-hidden className="size-4" />}
          {shown ? "Hide token" : "Show token"}
        </Button>
      </div>
      <dl className="flex flex-col gap-3">
        {endpoints.map((e) => (
          <div key={e.label} className="flex flex-col gap-1">
            <dt className="text-sm font-medium text-slate-900">
              {e.label} <span className="font-normal text-slate-600">– {e.description}</span>
            </dt>
            <dd className="flex items-stretch gap-2">
              <code className="min-w-0 flex-1 break-all rounded-md border border-slate-200 bg-slate-50 px-2.5 py-1.5 font-mono text-xs text-slate-900">
                {shown ? e.url : e.url.replace(`token=${encodeURIComponent(token)}`, `token=${maskedToken}`)}
              </code>
              <CopyButton text={e.url} label={`Copy the ${e.label.toLowerCase()} address`} />
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      // No clipboard (plain http on another host, or permission refused): the user can Show and select the text.
      setState("failed");
    }
    window.setTimeout(() => setState("idle"), 2000);
  }
  return (
    <Button type="button" variant="outline" size="sm" className="h-auto shrink-0" onClick={copy} aria-label={label}>
      {state === "copied" ? <Check aria-hidden className="size-4 text-emerald-700" /> : <Copy aria-hidden className="size-4" />}
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Copy failed: select the text" : "Copy"}</span>
    </Button>
  );
}
