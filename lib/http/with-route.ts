import { mapErrorToResponse } from "@/lib/http/map-error-to-response";

export interface RouteArgs<P> {
  request: Request;
  params: P;
}

/** Wraps every route handler: handlers stay a few lines, errors map in one place. */
export function withRoute<P = Record<string, never>>(
  handler: (args: RouteArgs<P>) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    try {
      return await handler({ request, params: await context.params });
    } catch (error) {
      return mapErrorToResponse(error);
    }
  };
}
