import { BellRing, CircleHelp, Phone, PhoneCall, PhoneOff, type LucideIcon } from "lucide-react";
import { LIVE_STATES, liveStateLabel, type LiveState } from "@/lib/calls";

/** Every state has a word and an icon besides its colour, so the board reads without colour too. */
export const STATE_STYLE: Record<LiveState, { label: string; icon: LucideIcon; tile: string; badge: string; dot: string }> = {
  ringing: {
    label: liveStateLabel("ringing"),
    icon: BellRing,
    tile: "border-amber-400 bg-amber-50",
    badge: "bg-amber-200 text-amber-950",
    dot: "bg-amber-500",
  },
  talking: {
    label: liveStateLabel("talking"),
    icon: PhoneCall,
    tile: "border-emerald-500 bg-emerald-50",
    badge: "bg-emerald-700 text-white",
    dot: "bg-emerald-600",
  },
  idle: {
    label: liveStateLabel("idle"),
    icon: Phone,
    tile: "border-slate-200 bg-white",
    badge: "bg-slate-100 text-slate-700",
    dot: "bg-slate-400",
  },
  unknown: {
    label: liveStateLabel("unknown"),
    icon: CircleHelp,
    tile: "border-dashed border-slate-400 bg-slate-50",
    badge: "bg-slate-200 text-slate-800",
    dot: "bg-slate-500",
  },
  offline: {
    label: liveStateLabel("offline"),
    icon: PhoneOff,
    tile: "border-slate-300 bg-slate-100",
    badge: "bg-slate-600 text-white",
    dot: "bg-slate-600",
  },
};

/** The order of the summary strip: what needs attention first. */
export const STATE_ORDER: readonly LiveState[] = LIVE_STATES;
