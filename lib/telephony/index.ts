export { VendorPayloadError } from "./errors";
export { decodeCallbackBody } from "./callback-body";
export { billCallbackSchema, normalizeBillCallback, type BillCallback } from "./bill-callback";
export { extensionStatusSchema, normalizeExtensionStatus, type ExtensionStatusCallback } from "./extension-status";
export { getBillBillSchema, getBillReplySchema, normalizeGetBillBill, type GetBillBill, type GetBillReply } from "./getbill";
export { cdrsRecordSchema, cdrsReplySchema, normalizeCdrsRecord, type CdrsRecord, type CdrsReply } from "./cdrs";
