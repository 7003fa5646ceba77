import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Lets parallel work trees build side by side (NEXT_DIST_DIR=.next-x npx next build / next start).
  // eslint-disable-next-line no-restricted-properties -- build-time setting, read before lib/env exists
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
