import type { Metadata } from "next";
import localFont from "next/font/local";
import "./globals.css";

// Self-hosted: the build must not reach out to a font CDN.
const inter = localFont({ src: "./fonts/inter-latin-wght-normal.woff2", variable: "--font-inter", display: "swap" });

export const metadata: Metadata = {
  title: { default: "Support Desk", template: "%s · Support Desk" },
  description: "FlowForge's support cockpit",
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
