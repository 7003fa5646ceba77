import type { NextConfig } from "next";

/**
 * Headers on every response, API and callbacks included. Pages also get their Content-Security-Policy, and HSTS when
 * served over https, from proxy.ts (decided per request: these are fixed when the app is built).
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Lets parallel work trees build side by side (NEXT_DIST_DIR=.next-x npx next build / next start).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
