/**
 * The JSON API's routes (app/api/**\/route.ts) and the methods each exports, for answering a
 * wrong method (405 with Allow) or an unknown path (404) in JSON before Next, which answers
 * them with an empty body or an HTML page. `[x]` is one path segment. A test compares this
 * list with the route files' exports, so a route added without it fails.
 */
export const API_ROUTES: ReadonlyArray<{ path: string; methods: readonly string[] }> = [
  { path: "/api/bins", methods: ["POST"] },
  { path: "/api/bins/[id]", methods: ["GET", "DELETE"] },
  { path: "/api/bins/[id]/claim", methods: ["POST"] },
  { path: "/api/bins/[id]/deliveries", methods: ["GET", "DELETE"] },
  { path: "/api/bins/[id]/deliveries/wait", methods: ["GET"] },
  { path: "/api/bins/[id]/deliveries/[deliveryId]", methods: ["GET", "DELETE"] },
  { path: "/api/bins/[id]/deliveries/[deliveryId]/diff", methods: ["GET"] },
  { path: "/api/bins/[id]/deliveries/[deliveryId]/raw", methods: ["GET"] },
  { path: "/api/bins/[id]/deliveries/[deliveryId]/response", methods: ["POST"] },
  { path: "/api/bins/[id]/deliveries/[deliveryId]/sign", methods: ["POST"] },
  { path: "/api/bins/[id]/export", methods: ["GET"] },
  { path: "/api/bins/[id]/samples", methods: ["POST"] },
  { path: "/api/bins/[id]/settings", methods: ["PUT"] },
  { path: "/api/bins/[id]/stats", methods: ["GET"] },
  { path: "/api/health", methods: ["GET"] },
  { path: "/api/openapi.json", methods: ["GET"] },
  { path: "/api/ready", methods: ["GET"] },
  { path: "/api/samples/analysis", methods: ["GET"] },
  { path: "/api/schemas/[name]", methods: ["GET"] },
];
