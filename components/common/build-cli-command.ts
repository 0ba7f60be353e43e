/** The local URL the one-liner forwards to: a common default for a receiver in development. */
export const LOCAL_WEBHOOK_URL = "http://localhost:3000/webhooks";

// URLs are usually bare words; anything else (an IPv6 host's brackets are globs in zsh) is quoted.
const BARE_WORD = /^[A-Za-z0-9._~:/@%+=,-]+$/;

function quote(word: string): string {
  return BARE_WORD.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

export interface BuildCliCommandOptions {
  /** The app's public origin (lib/http/resolve-public-origin.ts): where the CLI is downloaded. */
  origin: string;
  /** The tarball's path on it (lib/cli-download/get-cli-tarball-path.ts). */
  tarballPath: string;
  /** The CLI's arguments, one word each (quoted here when they need it). */
  args: string[];
}

/**
 * A ready-to-paste `npx <origin>/cli/webhook-echo.tgz <args>`: runs the CLI on any machine with
 * Node 20+, without cloning this repo or installing anything first.
 */
export function buildCliCommand({ origin, tarballPath, args }: BuildCliCommandOptions): string {
  return ["npx", `${origin}${tarballPath}`, ...args].map(quote).join(" ");
}
