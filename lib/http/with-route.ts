import { readJsonBody } from "@/lib/http/read-json-body";
import { mapErrorToResponse } from "@/lib/http/map-error-to-response";

export interface RouteArgs<P> {
  request: Request;
  params: P;
  /**
   * Reads the JSON body within the route's `maxBodyBytes` (413 past it). Call it only after
   * the caller is authorised, so an anonymous client cannot make the server hold its body.
   */
  readJson: () => Promise<unknown>;
}

export interface RouteOptions {
  /** The largest JSON body this route accepts; routes without it read no body. */
  maxBodyBytes?: number;
}

/**
 * Wraps every route handler: handlers stay a few lines, errors map in one place, and a
 * request body is read only through `readJson`, bounded.
 */
export function withRoute<P = Record<string, never>>(
  handler: (args: RouteArgs<P>) => Promise<Response>,
  { maxBodyBytes }: RouteOptions = {},
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    let bodyRead = false;
    const readJson = () => {
      if (maxBodyBytes === undefined) throw new Error("This route declares no maxBodyBytes");
      return readJsonBody({ request, maxBytes: maxBodyBytes, onComplete: () => (bodyRead = true) });
    };
    let response: Response;
    try {
      response = await handler({ request, params: await context.params, readJson });
    } catch (error) {
      response = mapErrorToResponse(error);
    }
    return bodyRead || !declaresBody(request) ? response : closeAfter(response);
  };
}

function declaresBody(request: Request): boolean {
  const length = request.headers.get("content-length");
  return (length !== null && length !== "0") || request.headers.has("transfer-encoding");
}

// An answer given before the body was read (401, 413, ...) ends the connection: otherwise
// Node would keep receiving the rest of it (up to the whole declared length) to reuse the
// connection for a next request.
function closeAfter(response: Response): Response {
  try {
    response.headers.set("Connection", "close");
    return response;
  } catch {
    // Immutable headers (Response.redirect): copy them.
    const headers = new Headers(response.headers);
    headers.set("Connection", "close");
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  }
}
