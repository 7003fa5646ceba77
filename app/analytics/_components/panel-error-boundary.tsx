"use client";

import { useRouter } from "next/navigation";
import { Component, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

type Props = { title: string; children: ReactNode; className?: string };

/** Keeps one failed panel from taking the page down: it says so and offers a retry that re-renders the server panel. */
export class PanelErrorBoundary extends Component<Props, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidUpdate(prev: Props) {
    // A refresh brings a new server render of the panel: try it.
    if (this.state.failed && prev.children !== this.props.children) this.setState({ failed: false });
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return <PanelError title={this.props.title} className={this.props.className} />;
  }
}

function PanelError({ title, className }: { title: string; className?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <section role="alert" className={`flex flex-col items-start gap-2 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900 ${className ?? ""}`}>
      <h2 className="font-semibold">{title} could not be loaded.</h2>
      <p className="text-xs">The database did not answer this panel. The others are unaffected; try again in a moment.</p>
      <Button variant="outline" size="sm" disabled={pending} onClick={() => startTransition(() => router.refresh())}>
        {pending ? "Retrying…" : "Retry"}
      </Button>
    </section>
  );
}
