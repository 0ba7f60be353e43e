// server.ts overwrites this header on every request it hands to Next (a client cannot spoof
// it), so route handlers know the caller's address for rate limits.
export const CLIENT_IP_HEADER = "x-webhook-echo-client-ip";
