import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Webhook Echo", template: "%s · Webhook Echo" },
  description: "Capture webhooks byte-exact and watch them arrive live.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page dynamic, which the per-request CSP nonce needs
  // (proxy.ts); Next stamps its own scripts with that nonce.
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        {/* Every page's <main> carries id="main": keyboard users skip the header with one key. */}
        <a
          href="#main"
          data-testid="skip-link"
          className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-semibold text-sky-800 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus-visible:outline-2 focus-visible:outline-sky-600 dark:bg-zinc-900 dark:text-sky-300"
        >
          Skip to main content
        </a>
        {children}
      </body>
    </html>
  );
}
