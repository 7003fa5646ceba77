import { getDb } from "@/db/client";
import { listAgentStats, listExtensionStats, type PerPartyRow } from "@/lib/queries/analytics";
import { afterShell, type PanelProps } from "./data";
import { EmptyState, Panel } from "./panel";
import { PartyTable, type PartyRowView } from "./party-table";
import { callsHref } from "./format";

export async function ExtensionPanel({ filter }: PanelProps) {
  await afterShell();
  const rows = listExtensionStats(getDb(), filter);
  return (
    <Panel id="per-extension" title="Per extension" description="Sort by any column (lowest answer rate: click Answer rate). A row opens the extension's calls.">
      {rows.length === 0 ? <EmptyState /> : <PartyTable caption="Calls per extension" keyHeader="Extension" rows={view(rows, (key) => callsHref(filter, { extension: [key] }))} />}
    </Panel>
  );
}

export async function AgentPanel({ filter }: PanelProps) {
  await afterShell();
  const rows = listAgentStats(getDb(), filter);
  return (
    <Panel id="per-agent" title="Per agent" description="The vendor's agent id (crmid / userid). A row opens the agent's calls.">
      {rows.length === 0 ? <EmptyState /> : <PartyTable caption="Calls per agent" keyHeader="Agent" rows={view(rows, (key) => callsHref(filter, { agent: key }))} />}
    </Panel>
  );
}

function view(rows: PerPartyRow[], href: (key: string) => string): PartyRowView[] {
  return rows.map((r) => ({ ...r, key: r.key ?? "", label: r.key ?? "None recorded", href: r.key ? href(r.key) : null }));
}
