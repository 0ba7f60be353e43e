import { WebhookEchoError } from "@/lib/client/webhook-echo-error";

/** The server's base URL without a trailing slash (a path prefix kept); only http(s). */
export function normalizeServerUrl({ server }: { server: string }): string {
  let url: URL | null = null;
  try {
    url = new URL(server);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new WebhookEchoError("bad_request", `server must be an http(s) URL, got "${server}"`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
