import { describe, expect, it } from "vitest";
import { setupTestServer } from "@/test/support/setup-test-server";

// server.ts turns Next's AsyncLocalStorages off once Next has been idle for a second
// (lib/http/create-async-storage-quiescer.ts), and the next request turns them on again. Pages
// read the request through them (headers(): the CSP nonce, the host the CLI one-liner names):
// after every quiet second each must still see its own request, also when many overlap.
// TRUST_PROXY so that each request can name its own host.
const ctx = setupTestServer({ env: { TRUST_PROXY: "true" } });
const QUIET_MS = 1300;

async function viewNonce(binId: string): Promise<{ status: number; nonceMatches: boolean }> {
  const response = await fetch(`${ctx.server.baseUrl}/view/${binId}`);
  const policy = response.headers.get("content-security-policy") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  const html = await response.text();
  const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
  return {
    status: response.status,
    nonceMatches:
      nonce !== undefined &&
      scripts.length > 0 &&
      scripts.every(([, attributes]) => attributes!.includes(`nonce="${nonce}"`)),
  };
}

/** The home page as served to `host`: whether it names that host, and no other. */
async function homeFor(host: string): Promise<{ status: number; ownHost: boolean }> {
  const response = await fetch(`${ctx.server.baseUrl}/`, {
    headers: { "X-Forwarded-Host": host, "X-Forwarded-Proto": "https" },
  });
  const html = await response.text();
  const hosts = new Set(html.match(/host-\d+-\w+\.example/g));
  return { status: response.status, ownHost: hosts.size === 1 && hosts.has(host) };
}

/** An owner change sent with a bin's owner cookie, as the view sends it. */
function putWithCookie(binId: string, token: string, status: number): Promise<Response> {
  return fetch(`${ctx.server.baseUrl}/api/bins/${binId}/settings`, {
    method: "PUT",
    headers: { "Content-Type": "application/json", Cookie: `we_owner_${binId}=${token}` },
    body: JSON.stringify({ response: { status } }),
  });
}

describe("Next after a quiet second", () => {
  it("pages and owner routes see their own request after each quiet period, alone and overlapping", async () => {
    const bin = await ctx.createBin();
    const other = await ctx.createBin();
    for (let cycle = 0; cycle < 3; cycle++) {
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
      // The first request after the quiet period, alone.
      expect(await viewNonce(bin.id)).toEqual({ status: 200, nonceMatches: true });
      expect(await homeFor(`host-${cycle}-first.example`)).toEqual({ status: 200, ownHost: true });
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
      // Then many at once, each with its own owner (cookie or token) and its own nonce.
      const [views, homes, settings, strangers] = await Promise.all([
        Promise.all(Array.from({ length: 8 }, () => viewNonce(bin.id))),
        Promise.all(Array.from({ length: 8 }, (_, i) => homeFor(`host-${cycle}-${i}.example`))),
        Promise.all(
          [bin, other].map((owner) => putWithCookie(owner.id, owner.ownerToken, 202 + cycle)),
        ),
        putWithCookie(bin.id, other.ownerToken, 500),
      ]);
      for (const view of views) expect(view).toEqual({ status: 200, nonceMatches: true });
      for (const home of homes) expect(home).toEqual({ status: 200, ownHost: true });
      expect(settings.map((response) => response.status)).toEqual([200, 200]);
      expect(strangers.status).toBe(403);
    }
    const captured = await fetch(`${ctx.server.baseUrl}/echo/${bin.id}`, { method: "POST" });
    expect(captured.status).toBe(204);
  });
});
