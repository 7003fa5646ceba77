import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Call analytics", template: "%s · Call analytics" },
  description: "Call records, hangup causes and talk time for call-center supervisors.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
