// /settings: callback addresses, vendor sources (secrets masked), time zones, recordings and hangup-cause labels
import type { Metadata } from "next";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { AppHeader } from "@/components/app-header";
import { AuthExpiryWarning, VendorAccountDetails } from "@/components/vendor-account";
import { Badge } from "@/components/ui/badge";
import { requireUser } from "@/lib/auth/session";
import { getEnv, type Env } from "@/lib/env";
import { getHangupLabelOverrides, getHangupLabels } from "@/lib/settings/hangup-labels";
import { getLoginInfo } from "@/lib/queries/sync-status";
import { describeVendorSources, maskSecret, type VendorSourceState } from "@/lib/settings/vendor-sources";
import { HANGUP_CODES } from "@/lib/telephony/hangup-codes";
import { CallbackUrls } from "./_components/callback-urls";
import { HangupLabelsForm, type HangupLabelRow } from "./_components/hangup-labels-form";
import { ZoneClock } from "./_components/zone-clock";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

const SAMPLE_RECORDING = { downloadip: "203.0.113.10", recordfilename: "20260314/8001_9c568ac8-6aad-11eb.wav" };

const SECTIONS = [
  { id: "callbacks", title: "Callback addresses" },
  { id: "sources", title: "Vendor sources" },
  { id: "time-zones", title: "Time zones" },
  { id: "recordings", title: "Recordings" },
  { id: "hangup-labels", title: "Hangup-cause labels" },
] as const;

export default async function SettingsPage() {
  const user = await requireUser();
  const env = getEnv();
  const db = getDb();
  const nowMs = renderedAtMs();
  const base = env.BETTER_AUTH_URL?.replace(/\/+$/, "") ?? (await requestOrigin());
  // The first CALLBACK_TOKEN is the one to give the vendor; the others (a rotation under way) are still accepted.
  const [vendorToken, ...otherTokens] = env.CALLBACK_TOKEN;
  const token = encodeURIComponent(vendorToken);
  const sources = describeVendorSources(env);
  const account = getLoginInfo(db);

  const labels = getHangupLabels(db);
  const customCodes = Object.keys(getHangupLabelOverrides(db)).filter((code) => !HANGUP_CODES.some((c) => String(c.code) === code));
  const labelRows: HangupLabelRow[] = [
    ...HANGUP_CODES.map((c) => ({ code: String(c.code), en: c.en, zh: c.zh, label: labels[String(c.code)] ?? c.en })),
    ...customCodes.map((code) => ({ code, en: null, zh: null, label: labels[code] ?? "" })),
  ].sort((a, b) => Number(a.code) - Number(b.code));

  return (
    <>
      <AppHeader current="/settings" userEmail={user.email} />
      <main className="mx-auto flex max-w-5xl flex-col gap-5 px-4 py-5">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">Settings</h1>
          <nav aria-label="Settings sections" className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {SECTIONS.map((s) => (
              <a key={s.id} href={`#${s.id}`} className="text-sky-800 underline-offset-2 hover:underline">
                {s.title}
              </a>
            ))}
          </nav>
        </div>

        <Section
          id="callbacks"
          title="Callback addresses"
          intro="Paste these into the vendor's backend. The token in them is the CALLBACK_TOKEN secret: anyone who has it can send us calls."
        >
          <CallbackUrls
            token={vendorToken}
            maskedToken={maskSecret(vendorToken)}
            endpoints={[
              { label: "Bill push", description: "one finished call (CDR), JSON or form field detail", url: `${base}/api/callbacks/bill?token=${token}` },
              {
                label: "Extension status",
                description: "ring, answer and hangup of each extension, for the live board",
                url: `${base}/api/callbacks/extension-status?token=${token}`,
              },
            ]}
          />
          <p className="mt-3 text-xs text-slate-600">
            {env.BETTER_AUTH_URL
              ? "Built from BETTER_AUTH_URL."
              : "Built from the address you opened this page with; set BETTER_AUTH_URL if the vendor reaches this server by another name."}{" "}
            The predictive-outbound bill uses the bill push address too.
          </p>
          {otherTokens.length > 0 && (
            <p className="mt-2 text-xs text-slate-600">
              These addresses use the first of the {env.CALLBACK_TOKEN.length} tokens in CALLBACK_TOKEN. The other{" "}
              {otherTokens.length === 1 ? "one is" : `${otherTokens.length} are`} still accepted, so callbacks sent with an older token are not lost; remove{" "}
              {otherTokens.length === 1 ? "it" : "them"} from CALLBACK_TOKEN once the vendor uses the new addresses.
            </p>
          )}
        </Section>

        <Section
          id="sources"
          title="Vendor sources"
          intro="The pull APIs that fill gaps the callbacks leave. Set in the server environment; secrets are masked."
        >
          <div className="grid gap-4 md:grid-cols-2">
            <SourceCard title="GetBill (App.Sip_Cdr.GetBill)" source={sources.getbill} />
            <SourceCard title="Double-sided bills (/api/cdrs)" source={sources.cdrs} />
          </div>
          <div className="mt-4 flex flex-col gap-2 rounded-md border border-slate-200 p-3">
            <h3 className="text-sm font-semibold text-slate-900">Vendor account (from the last login)</h3>
            <AuthExpiryWarning account={account} nowMs={nowMs} timeZone={env.DISPLAY_TZ} />
            <VendorAccountDetails account={account} timeZone={env.DISPLAY_TZ} />
          </div>
          <p className="mt-3 text-xs text-slate-600">
            Sync every {env.SYNC_INTERVAL_SECONDS > 0 ? `${env.SYNC_INTERVAL_SECONDS} s` : "— (off)"}, looking back {env.SYNC_LOOKBACK_HOURS} h
            (SYNC_INTERVAL_SECONDS, SYNC_LOOKBACK_HOURS). Extension state poll every{" "}
            {env.EXTENSION_POLL_SECONDS > 0 ? `${env.EXTENSION_POLL_SECONDS} s` : "— (off)"} (EXTENSION_POLL_SECONDS).
          </p>
        </Section>

        <Section id="time-zones" title="Time zones">
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <ZoneRow name="VENDOR_TZ" zone={env.VENDOR_TZ} nowMs={nowMs} purpose="How the vendor's times (yyyy-mm-dd hh:mm:ss, no offset) are read." />
            <ZoneRow name="DISPLAY_TZ" zone={env.DISPLAY_TZ} nowMs={nowMs} purpose="How times are shown, and where days and hours start in counts." />
          </dl>
        </Section>

        <Section id="recordings" title="Recordings" intro="Set in the server environment. Recordings always play through this server, behind sign-in.">
          <RecordingSettings env={env} />
        </Section>

        <Section
          id="hangup-labels"
          title="Hangup-cause labels"
          intro="How each hangup code is named on every page. The defaults are the labels the vendor's clients use; an emptied label goes back to its default. A code with no label shows as the bare number."
        >
          <HangupLabelsForm rows={labelRows} />
        </Section>
      </main>
    </>
  );
}

/** The instant of this request's render: the clocks start from it so that hydration matches. */
function renderedAtMs(): number {
  return Date.now();
}

async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${proto}://${host}`;
}

function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white px-4 pt-4 pb-4">
      <h2 id={`${id}-heading`} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {intro && <p className="mt-0.5 text-sm text-slate-600">{intro}</p>}
      <div className="mt-3">{children}</div>
    </section>
  );
}

const AUTH_TEXT: Record<NonNullable<VendorSourceState["auth"]>, string> = {
  login: "Logs in with app id and access key; the token is renewed when it expires.",
  token: "Uses the fixed GETBILL_TOKEN. Vendor tokens expire after about 12 hours: set GETBILL_APPID and GETBILL_ACCESSKEY instead.",
  accesskey: "Sends app id and access key with every request.",
};

function SourceCard({ title, source }: { title: string; source: VendorSourceState }) {
  return (
    <div className="rounded-md border border-slate-200 p-3">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
        {source.configured ? <Badge tone="green">Configured</Badge> : <Badge tone="amber">Not configured</Badge>}
      </div>
      <p className="mt-1 text-sm text-slate-700">{source.auth ? AUTH_TEXT[source.auth] : `Skipped by the sync. Missing: ${source.missing.join(", ")}.`}</p>
      <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
        {source.settings.map((s) => (
          <div key={s.name} className="contents">
            <dt className="font-mono text-slate-600">{s.name}</dt>
            <dd className="break-all font-mono text-slate-900">{s.value ?? <span className="font-sans text-slate-500">not set</span>}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function ZoneRow({ name, zone, nowMs, purpose }: { name: string; zone: string; nowMs: number; purpose: string }) {
  return (
    <div className="rounded-md border border-slate-200 p-3">
      <dt className="font-mono text-xs text-slate-600">{name}</dt>
      <dd className="mt-0.5 flex flex-col gap-0.5">
        <span className="font-medium text-slate-900">{zone}</span>
        <span>
          Now: <ZoneClock timeZone={zone} serverNowMs={nowMs} />
        </span>
        <span className="text-xs text-slate-600">{purpose}</span>
      </dd>
    </div>
  );
}

function RecordingSettings({ env }: { env: Env }) {
  const example = env.RECORDING_URL_TEMPLATE.replaceAll("{downloadip}", SAMPLE_RECORDING.downloadip).replaceAll(
    "{recordfilename}",
    SAMPLE_RECORDING.recordfilename,
  );
  return (
    <dl className="flex flex-col gap-3 text-sm">
      <div>
        <dt className="font-medium text-slate-900">
          Recording URL template <span className="font-mono text-xs font-normal text-slate-600">RECORDING_URL_TEMPLATE</span>
        </dt>
        <dd className="mt-1 flex flex-col gap-1">
          <code className="rounded-md border border-slate-200 bg-slate-50 px-2.5 py-1.5 font-mono text-xs text-slate-900">{env.RECORDING_URL_TEMPLATE}</code>
          <span className="mt-1 text-slate-700">
            Example: a bill with downloadip <code className="font-mono text-xs">{SAMPLE_RECORDING.downloadip}</code> and recordfilename{" "}
            <code className="font-mono text-xs">{SAMPLE_RECORDING.recordfilename}</code> is fetched from
          </span>
          <code className="break-all rounded-md border border-slate-200 bg-slate-50 px-2.5 py-1.5 font-mono text-xs text-slate-900">{example}</code>
          <span className="text-xs text-slate-600">
            Used when a bill carries no full recording address (recordurl). Change it in the server environment and restart.
          </span>
        </dd>
      </div>
      <div>
        <dt className="font-medium text-slate-900">
          Private hosts allowed <span className="font-mono text-xs font-normal text-slate-600">RECORDING_ALLOWED_HOSTS</span>
        </dt>
        <dd className="mt-1">
          {env.RECORDING_ALLOWED_HOSTS.length > 0 ? (
            <ul className="flex flex-wrap gap-1.5">
              {env.RECORDING_ALLOWED_HOSTS.map((h) => (
                <li key={h}>
                  <code className="rounded border border-slate-200 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">{h}</code>
                </li>
              ))}
            </ul>
          ) : (
            <span className="text-slate-700">None.</span>
          )}
          <p className="mt-1 text-xs text-slate-600">
            Loopback, private, link-local and cloud-metadata addresses are refused unless their host:port is listed here.
          </p>
        </dd>
      </div>
    </dl>
  );
}
