import { jsonError } from "@/lib/http/json-error";

// Unknown API paths answer JSON like every other API error (instead of Next's HTML not-found
// page); next.config.js gives every /api/* answer, this one included, its security headers.
function notFound(): Response {
  return jsonError(404, "not_found", "No such API endpoint; see /docs");
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
