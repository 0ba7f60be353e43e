import { API_ROUTES } from "@/lib/http/api-routes";

export interface ScreenedRequest {
  status: 400 | 404 | 405;
  error: string;
  message: string;
  /** For 405: the methods the target takes. */
  allow?: string;
}

// The methods Next's handlers take; TRACE makes it throw (500), others it answers 400.
const NEXT_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

const ROUTES = API_ROUTES.map(({ path, methods }) => ({
  segments: path.split("/").slice(1),
  methods,
}));

/** The route Next would pick: where several match, a fixed segment beats a dynamic one. */
function findApiRoute(segments: string[]): (typeof ROUTES)[number] | undefined {
  let best: (typeof ROUTES)[number] | undefined;
  for (const route of ROUTES) {
    if (route.segments.length !== segments.length) continue;
    const matches = route.segments.every((part, i) =>
      part.startsWith("[") ? segments[i] !== "" : part === segments[i],
    );
    if (!matches) continue;
    if (!best) {
      best = route;
      continue;
    }
    const differs = route.segments.findIndex((part, i) => part !== best!.segments[i]);
    if (differs !== -1 && !route.segments[differs]!.startsWith("[")) best = route;
  }
  return best;
}

function allowed(methods: readonly string[]): string {
  const all = new Set(methods);
  if (all.has("GET")) all.add("HEAD");
  all.add("OPTIONS");
  return [...all].join(", ");
}

/**
 * What server.ts answers itself, in JSON, instead of handing a request to Next: a request
 * target that is not a path (`OPTIONS *`, which makes Next throw), a path whose percent-encoding
 * does not decode (Next answers a plain-text 500), a method Next does not take, and under /api/
 * a path no route serves or a method its route does not export. Null: Next serves it.
 */
export function screenNextRequest({
  method,
  url,
}: {
  method: string;
  url: string;
}): ScreenedRequest | null {
  if (!url.startsWith("/")) {
    const message = "The request target must be a path starting with /";
    return { status: 400, error: "bad_request", message };
  }
  const end = url.search(/[?#]/);
  const path = end === -1 ? url : url.slice(0, end);
  try {
    decodeURIComponent(path);
  } catch {
    const message = "The path holds percent-encoding that is not valid UTF-8";
    return { status: 400, error: "bad_request", message };
  }
  const api = path === "/api" || path.startsWith("/api/");
  // Next redirects a trailing slash away (308); the route is judged after that.
  const route = api && !path.endsWith("/") ? findApiRoute(path.split("/").slice(1)) : undefined;
  if (!NEXT_METHODS.has(method)) {
    const allow = route ? allowed(route.methods) : "GET, HEAD";
    const message = `Method ${method} is not allowed here`;
    return { status: 405, error: "method_not_allowed", message, allow };
  }
  if (!api || (path.endsWith("/") && path !== "/api/")) return null;
  if (!route) return { status: 404, error: "not_found", message: `No API route at ${path}` };
  const methods = new Set(route.methods);
  if (methods.has(method) || method === "OPTIONS" || (method === "HEAD" && methods.has("GET"))) {
    return null;
  }
  const message = `Method ${method} is not allowed on ${path}`;
  return { status: 405, error: "method_not_allowed", message, allow: allowed(route.methods) };
}
