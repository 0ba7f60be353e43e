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
 * request body is read only through `readJson`, bounded. What an early answer leaves unread
 * is dropped by server.ts (lingerAfterEarlyAnswer).
 */
export function withRoute<P = Record<string, never>>(
  handler: (args: RouteArgs<P>) => Promise<Response>,
  { maxBodyBytes }: RouteOptions = {},
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    const readJson = () => {
      if (maxBodyBytes === undefined) throw new Error("This route declares no maxBodyBytes");
      return readJsonBody({ request, maxBytes: maxBodyBytes });
    };
    try {
      return await handler({ request, params: await context.params, readJson });
    } catch (error) {
      return mapErrorToResponse(error);
    }
  };
}
