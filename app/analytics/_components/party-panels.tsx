import type { PerPartyRow, RangedFilter } from "@/lib/queries/analytics";
import { EmptyState, Panel } from "./panel";
import { PartyTable } from "./party-table";
import { callsHref } from "./format";

export function ExtensionPanel({ rows, filter }: { rows: PerPartyRow[]; filter: RangedFilter }) {
  return (
    <Panel
      id="per-extension"
      title="Per extension"
      description="Sort by any column (lowest answer rate: click Answer rate). A row opens the extension's calls."
    >
      {rows.length === 0 ? (
        <EmptyState />
      ) : (
        <PartyTable
          caption="Calls per extension"
          keyHeader="Extension"
          rows={rows.map((r) => ({ ...r, href: r.key === null ? null : callsHref(filter, { extension: [r.key] }) }))}
        />
      )}
    </Panel>
  );
}

export function AgentPanel({ rows, filter }: { rows: PerPartyRow[]; filter: RangedFilter }) {
  return (
    <Panel id="per-agent" title="Per agent" description="The vendor's agent id (crmid / userid). A row opens the agent's calls.">
      {rows.length === 0 ? (
        <EmptyState />
      ) : (
        <PartyTable
          caption="Calls per agent"
          keyHeader="Agent"
          rows={rows.map((r) => ({ ...r, href: r.key === null ? null : callsHref(filter, { agent: r.key }) }))}
        />
      )}
    </Panel>
  );
}
