/**
 * The Content-Security-Policy of a page: scripts only from us and with this request's nonce (Next.js puts it on its
 * own inline scripts when the request carries the policy), no framing, no plugins, forms and <base> to ourselves.
 * Styles allow inline: React `style` props (charts, bars, heatmap cells) are style attributes, which a nonce cannot
 * cover. `development` adds 'unsafe-eval' for React's dev tooling.
 */
export function contentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce per request: 16 random bytes, base64. */
export function makeNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
