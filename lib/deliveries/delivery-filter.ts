import { z } from "zod";

/** List/export filters, all optional and combined with AND. */
export const deliveryFilterSchema = z.object({
  /** Exact HTTP method, any case. */
  method: z
    .string()
    .regex(/^[A-Za-z-]{1,32}$/)
    .optional(),
  /** Substring of path + "?" + query, any case. */
  path: z.string().min(1).max(500).optional(),
  /** Substring of any "Name: value" header line, any case. */
  header: z.string().min(1).max(500).optional(),
  /** Substring of the first BODY_SEARCH_MAX_BYTES of the body bytes (UTF-8 of the search text), case-sensitive. */
  body: z.string().min(1).max(1000).optional(),
  signature: z.enum(["valid", "invalid", "missing", "no_secret"]).optional(),
});

export type DeliveryFilter = z.infer<typeof deliveryFilterSchema>;

export function readDeliveryFilter(searchParams: URLSearchParams): DeliveryFilter {
  return deliveryFilterSchema.parse({
    method: searchParams.get("method") || undefined,
    path: searchParams.get("path") || undefined,
    header: searchParams.get("header") || undefined,
    body: searchParams.get("body") || undefined,
    signature: searchParams.get("signature") || undefined,
  });
}

export function hasFilter(filter: DeliveryFilter | undefined): filter is DeliveryFilter {
  return Boolean(filter && Object.values(filter).some((value) => value !== undefined));
}
