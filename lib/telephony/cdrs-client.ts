import { formatZonedTime } from "@/lib/time";
import { cdrsError, VendorApiError } from "./api-errors";
import { cdrsReplySchema } from "./cdrs";
import { postVendorForm, type HttpOptions } from "./http";

export type CdrsPage = { total: number; page: number; perPage: number; records: unknown[] };
export type CdrsClient = ReturnType<typeof createCdrsClient>;

/** `/api/cdrs` (cdrs-double-sided-pull-api.md): bills with the A side of double and predictive calls. */
export function createCdrsClient(config: {
  url: string;
  appid: string;
  accesskey: string;
  username?: string;
  ip?: string;
  vendorTz: string;
  http?: HttpOptions;
}) {
  const identity: Record<string, string> = config.username ? { username: config.username } : { ip: config.ip ?? "" };
  return {
    async getPage(q: { fromMs: number; toMs: number; page: number; perPage: number }): Promise<CdrsPage> {
      const json = await postVendorForm(
        config.url,
        {
          ...identity,
          appid: config.appid,
          accesskey: config.accesskey,
          starttime: formatZonedTime(q.fromMs, config.vendorTz),
          // Inclusive end bound with whole seconds: [from, to - 1 s] is [from, to).
          endtime: formatZonedTime(q.toMs - 1000, config.vendorTz),
          page: q.page,
          per_page: q.perPage,
        },
        config.http,
      );
      const reply = cdrsReplySchema.safeParse(json);
      if (!reply.success) throw new VendorApiError("bad-reply", "reply is not the documented {code, msg, data} shape");
      if (reply.data.code !== 1) throw cdrsError(reply.data.code, reply.data.msg ?? "");
      const data = reply.data.data;
      if (!data) throw new VendorApiError("bad-reply", "reply has no data");
      return { total: data.total ?? data.data.length, page: data.page ?? q.page, perPage: data.per_page ?? q.perPage, records: data.data };
    },
  };
}
