/**
 * Every way a vendor pull API can fail, with a sentence an operator can act on. `retryable` errors are transient
 * (network, 5xx, truncated replies, `ret` 500, `/api/cdrs` code 1000) and retried with backoff; the rest are not.
 */
export const VENDOR_API_ERRORS = {
  network: { retryable: true, advice: "The vendor's server could not be reached. Check the URL and this server's network; the sync retries on its own." },
  timeout: { retryable: true, advice: "The vendor did not answer in time. The sync retries on its own; if it persists, the vendor is slow or down." },
  http: { retryable: true, advice: "The vendor's gateway answered with an HTTP error. The sync retries on its own." },
  "bad-reply": { retryable: true, advice: "The vendor's reply was cut off or not the documented JSON. The sync retries on its own." },
  "vendor-error": { retryable: true, advice: "The vendor reported an internal error. The sync retries on its own." },
  "token-invalid": {
    retryable: false,
    advice:
      "The vendor says the GetBill token is invalid or expired. Set GETBILL_APPID and GETBILL_ACCESSKEY so the app logs in by itself, or put a fresh GETBILL_TOKEN.",
  },
  "illegal-request": { retryable: false, advice: "The vendor rejected the request as illegal. Check GETBILL_URL points at the vendor's API base URL." },
  "appid-not-authorized": {
    retryable: false,
    advice: "The vendor says this appid is not authorized. Check GETBILL_APPID and GETBILL_ACCESSKEY with the vendor.",
  },
  "authorization-expired": {
    retryable: false,
    advice: "The vendor says this account's API authorization has expired. Ask the vendor to renew the authorization of the appid.",
  },
  "module-not-authorized": {
    retryable: false,
    advice: "The vendor says the account is not authorized for this API module. Ask the vendor to enable call records (GetBill) for the account.",
  },
  "ip-not-allowed": {
    retryable: false,
    advice: "The vendor refuses this server's IP address. Add this server's public IP to the account's IP allow-list (ipwhite) in the vendor's console.",
  },
  "parameter-error": {
    retryable: false,
    advice: "The vendor rejected the request's parameters. This is a bug in the sync or a changed API; the error text has the vendor's words.",
  },
  "bad-credentials": {
    retryable: false,
    advice: "The vendor rejected the username, appid or access key. Check CDRS_USERNAME (or CDRS_IP), CDRS_APPID and CDRS_ACCESSKEY.",
  },
  "insufficient-permission": {
    retryable: false,
    advice: "The vendor says the account may not use /api/cdrs. Ask the vendor to grant the interface permission.",
  },
  "number-format": { retryable: false, advice: "The vendor rejected a number's format in the request." },
  "not-configured": { retryable: false, advice: "This source is not configured; set its environment variables (see README)." },
} as const;

export type VendorApiErrorCode = keyof typeof VENDOR_API_ERRORS;

export class VendorApiError extends Error {
  readonly retryable: boolean;
  constructor(
    readonly code: VendorApiErrorCode,
    /** The vendor's own words (msg/desc/codemsg) or the transport error, for the log and the run row. */
    readonly detail: string,
    readonly vendorCode?: number | string,
  ) {
    super(`${code}: ${detail}`);
    this.name = "VendorApiError";
    this.retryable = VENDOR_API_ERRORS[code].retryable;
  }

  /** What an operator reads on /sync: what happened, then what to do. */
  get operatorMessage(): string {
    const said = this.detail ? ` (vendor said: ${this.detail})` : "";
    return `${VENDOR_API_ERRORS[this.code].advice}${said}`;
  }
}

/** `ret` codes of the App.* services (README "What public clients of this API show"). */
export function retError(ret: number, detail: string): VendorApiError {
  const code: VendorApiErrorCode =
    ret === 400
      ? "illegal-request"
      : ret === 500
        ? "vendor-error"
        : ret === 600
          ? "token-invalid"
          : ret === 601
            ? "appid-not-authorized"
            : ret === 602
              ? "authorization-expired"
              : ret === 603
                ? "module-not-authorized"
                : ret === 604
                  ? "ip-not-allowed"
                  : ret >= 500
                    ? "vendor-error"
                    : "illegal-request";
  return new VendorApiError(code, detail || `ret ${ret}`, ret);
}

/** `/api/cdrs` codes (its document's table). */
export function cdrsError(code: number, detail: string): VendorApiError {
  const mapped: VendorApiErrorCode =
    code === 1000
      ? "vendor-error"
      : code === 1001
        ? "parameter-error"
        : code === 1005
          ? "bad-credentials"
          : code === 1006
            ? "insufficient-permission"
            : code === 1008
              ? "number-format"
              : "vendor-error";
  return new VendorApiError(mapped, detail || `code ${code}`, code);
}
