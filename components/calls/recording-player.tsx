"use client";

import { Download } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { buttonVariants } from "@/components/ui/button";

type Props = { src: string; fileLabel?: string };

/**
 * The call's recording, streamed through our proxy (which answers Range requests, so the player can seek).
 * When the proxy refuses or the vendor has no such file, the reason replaces the player.
 */
export function RecordingPlayer({ src, fileLabel }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const audio = useRef<HTMLAudioElement>(null);

  const explain = useCallback(async () => {
    try {
      const res = await fetch(src, { headers: { range: "bytes=0-0" } });
      if (res.ok) {
        setProblem("Your browser cannot play this recording's format; download it instead.");
        return;
      }
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setProblem(body?.error?.message ?? `The recording could not be loaded (HTTP ${res.status}).`);
    } catch {
      setProblem("The recording could not be loaded: the server did not answer.");
    }
  }, [src]);

  // The server-rendered <audio> starts loading before hydration: an error that came first has no listener to see it.
  useEffect(() => {
    if (audio.current?.error) void explain();
  }, [explain]);

  if (problem) {
    return (
      <p role="status" data-testid="recording-problem" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {problem}
      </p>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      {/* Calls have no captions: the recording is the call itself. */}
      <audio ref={audio} controls preload="metadata" src={src} aria-label="Call recording" className="w-full max-w-xl" onError={() => void explain()} />
      <a href={`${src}?download=1`} download className={buttonVariants({ variant: "outline" })}>
        <Download aria-hidden className="size-4" />
        Download{fileLabel ? ` ${fileLabel}` : ""}
      </a>
    </div>
  );
}
