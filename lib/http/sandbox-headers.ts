// On answers whose bytes are not ours to vouch for (a bin owner's answer, a served file): they
// are served from our origin and must never be sniffed into, or run as, a page there.
export const SANDBOX_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; sandbox",
};
