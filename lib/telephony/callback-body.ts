import { VendorPayloadError } from "./errors";

/*
 * Callback bodies come in two transports (see /shared/vendor-api/README.md): the bill callback posts JSON;
 * the predictive-outbound and extension status callbacks post a form (multipart or urlencoded) whose field
 * `detail` holds a JSON string.
 */

function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

/** JSON text that must hold an object; `field` is "detail" for a form field, null for the whole body. */
function parseJsonObject(text: string, field: "detail" | null): Record<string, unknown> {
  const where = field === null ? "body" : "detail";
  const trimmed = text.trim();
  if (trimmed === "") throw new VendorPayloadError(`${where} is empty`, field);
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    throw new VendorPayloadError(`${where} is not JSON: ${JSON.stringify(trimmed.slice(0, 60))}`, field);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new VendorPayloadError(`${where} is ${describe(value)}, not a JSON object`, field);
  }
  return value as Record<string, unknown>;
}

async function detailOf(value: FormDataEntryValue | string | null): Promise<Record<string, unknown>> {
  if (value === null) throw new VendorPayloadError("form has no field detail", "detail");
  // Some clients send the field as a file part; its content is the same JSON text.
  const text = typeof value === "string" ? value : await value.text();
  return parseJsonObject(text, "detail");
}

/**
 * Decodes a callback body into the vendor's JSON object: JSON (application/json, text/plain, or no/other content
 * type), `application/x-www-form-urlencoded` or `multipart/form-data` with the JSON in the field `detail`.
 * Throws VendorPayloadError: field "detail" for a form without a JSON object in `detail`, null for a body that is
 * empty, not JSON, or not an object.
 */
export async function decodeCallbackBody(body: Uint8Array, contentType: string | null): Promise<unknown> {
  const type = mediaType(contentType);

  if (type === "multipart/form-data") {
    let form: FormData;
    try {
      // Copy into a fresh ArrayBuffer: a Uint8Array view may sit on a larger or shared buffer.
      form = await new Response(body.slice(), { headers: { "content-type": contentType ?? type } }).formData();
    } catch {
      throw new VendorPayloadError("body is not valid multipart/form-data", null);
    }
    return detailOf(form.get("detail"));
  }

  const text = new TextDecoder("utf-8").decode(body); // strips a UTF-8 BOM

  if (type === "application/x-www-form-urlencoded") {
    return detailOf(new URLSearchParams(text).get("detail"));
  }

  // JSON, declared or not. A form posted without its content type is still recognised by its `detail` field.
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
    const detail = new URLSearchParams(trimmed).get("detail");
    if (detail !== null) return detailOf(detail);
  }
  return parseJsonObject(text, null);
}
