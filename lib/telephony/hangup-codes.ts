/**
 * The vendor's hangup codes (one code space for `hangupcause` and `hangupdirection`), with the labels its
 * public clients show. The documents list none; these are the default, editable labels. Unknown codes show as the code.
 */
export const HANGUP_CODES = [
  { code: 10001, en: "Normal hangup", zh: "正常挂断" },
  { code: 10002, en: "Call cancelled", zh: "呼叫取消" },
  { code: 10003, en: "Rejected", zh: "拒绝接听" },
  { code: 10004, en: "Outbound trunk failed", zh: "外呼通道线路失败" },
  { code: 10005, en: "Not answered (user action)", zh: "用户操作未接听" },
  { code: 10006, en: "Busy", zh: "用户忙" },
  { code: 10007, en: "Hung up by the server", zh: "服务器端挂断" },
  { code: 10008, en: "Extension not registered", zh: "分机未注册" },
  { code: 10009, en: "Destination unreachable", zh: "目标不可达" },
  { code: 10011, en: "Timer expired", zh: "定时器超时" },
  { code: 10012, en: "Inbound callback interface error", zh: "呼入时回调接口错误" },
  { code: 10013, en: "Extension does not exist", zh: "分机不存在" },
  { code: 10014, en: "Not found", zh: "未发现" },
  { code: 10015, en: "Request timeout", zh: "请求超时" },
  { code: 10016, en: "No answer", zh: "无人接听" },
  { code: 10017, en: "Call invalid", zh: "呼叫失效" },
  { code: 10019, en: "Unknown region", zh: "归属地未知" },
  { code: 10020, en: "Other", zh: "其他原因" },
  { code: 10024, en: "Bad request", zh: "错误请求" },
  { code: 10025, en: "Call barred", zh: "呼叫被禁止" },
  { code: 10027, en: "Number changed", zh: "号码被改变" },
  { code: 10028, en: "Call blocked", zh: "呼叫拦截" },
  { code: 10031, en: "Unknown", zh: "未知" },
  { code: 10040, en: "Caller hung up", zh: "主叫挂机" },
  { code: 10041, en: "Callee hung up", zh: "被叫挂机" },
] as const;
