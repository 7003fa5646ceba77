import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Lets parallel work trees build side by side (NEXT_DIST_DIR=.next-x npx next build / next start).
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
