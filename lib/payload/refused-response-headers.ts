import { HOP_BY_HOP_HEADERS } from "@/lib/payload/hop-by-hop-headers";

/**
 * Response headers a bin's owner may not make /echo/* answer, each with why. Everything /echo/*
 * answers is served from the app's own origin, so a header that a browser (or the reverse proxy
 * in front of the app) acts on would let one owner act on every visitor of the app. Data only:
 * lib/payload/check-response-headers.ts applies it, the OpenAPI document lists it.
 * Names are lower-case; matching is case-insensitive.
 */
export const REFUSED_RESPONSE_HEADERS: ReadonlyMap<string, string> = new Map([
  ...[...HOP_BY_HOP_HEADERS].map((name) => [name, "the server frames each answer itself"] as const),
  ["http2-settings", "the server frames each answer itself"],
  ["set-cookie", "it would set cookies on the app's origin"],
  ["set-cookie2", "it would set cookies on the app's origin"],
  [
    "clear-site-data",
    "it would wipe visitors' cookies and storage (owner logins) on the app's origin",
  ],
  ["location", "it would redirect browsers away from the app's origin (open redirect)"],
  ["refresh", "it would redirect browsers away from the app's origin (open redirect)"],
  ["link", "browsers act on it (preload, preconnect, stylesheets) for the app's origin"],
  ["strict-transport-security", "it changes how browsers reach the app's origin"],
  ["alt-svc", "it would send browsers' later requests for the app's origin elsewhere"],
  ["expect-ct", "it changes how browsers reach the app's origin"],
  ["public-key-pins", "it changes how browsers reach the app's origin"],
  ["public-key-pins-report-only", "it changes how browsers reach the app's origin"],
  ["service-worker-allowed", "it widens what a service worker may control on the app's origin"],
  ["origin-agent-cluster", "it changes how browsers isolate the app's origin"],
  ["nel", "it would report visitors' requests to the app's origin elsewhere"],
  ["report-to", "it would report visitors' requests to the app's origin elsewhere"],
  ["reporting-endpoints", "it would report visitors' requests to the app's origin elsewhere"],
  ["accept-ch", "it changes what browsers send to the app's origin"],
  ["accept-ch-lifetime", "it changes what browsers send to the app's origin"],
  ["critical-ch", "it changes what browsers send to the app's origin"],
  ["set-login", "it changes the login state browsers keep for the app's origin"],
  ["activate-storage-access", "it changes browsers' storage access for the app's origin"],
  ["speculation-rules", "it makes browsers fetch and prerender pages of the app's origin"],
  ["content-security-policy", "the server sets the security policy of every answer"],
  ["content-security-policy-report-only", "the server sets the security policy of every answer"],
  ["x-frame-options", "the server sets the security policy of every answer"],
  ["x-content-type-options", "the server sets the security policy of every answer"],
  ["cross-origin-opener-policy", "the server sets the security policy of every answer"],
  ["cross-origin-opener-policy-report-only", "the server sets the security policy of every answer"],
  ["cross-origin-embedder-policy", "the server sets the security policy of every answer"],
  [
    "cross-origin-embedder-policy-report-only",
    "the server sets the security policy of every answer",
  ],
  ["cross-origin-resource-policy", "the server sets the security policy of every answer"],
  ["permissions-policy", "the server sets the security policy of every answer"],
  ["feature-policy", "the server sets the security policy of every answer"],
  ["document-policy", "the server sets the security policy of every answer"],
  ["require-document-policy", "the server sets the security policy of every answer"],
  ["document-isolation-policy", "the server sets the security policy of every answer"],
  ["integrity-policy", "the server sets the security policy of every answer"],
  ["integrity-policy-report-only", "the server sets the security policy of every answer"],
  ["x-permitted-cross-domain-policies", "the server sets the security policy of every answer"],
  ["x-delivery-id", "the server sets it to the stored delivery's id"],
  ["x-sendfile", "it instructs the reverse proxy in front of the app"],
  ["x-lighttpd-send-file", "it instructs the reverse proxy in front of the app"],
]);

/** Whole families, by lower-case prefix. */
export const REFUSED_RESPONSE_HEADER_PREFIXES: ReadonlyMap<string, string> = new Map([
  ["access-control-", "the server sets CORS for every answer"],
  ["proxy-", "it is meant for proxies, not for the client"],
  ["sec-", "names starting with Sec- are reserved for browsers"],
  ["x-accel-", "it instructs the reverse proxy (nginx) in front of the app"],
]);
