/**
 * A vendor payload that cannot be a call: the body is kept raw (inbox) and answered 400.
 * `field` names the payload field that failed ("starttime", "billsec", "detail"), or null when the whole body is wrong.
 */
export class VendorPayloadError extends Error {
  override name = "VendorPayloadError";

  constructor(
    message: string,
    readonly field: string | null,
  ) {
    super(message);
  }
}
