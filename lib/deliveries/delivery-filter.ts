import { z } from "zod";

// PostgreSQL text cannot hold U+0000: a NUL in a search would fail the query (a 500), so it
// is refused as bad input. Captured text never contains one either (capture refuses NUL in
// URLs and headers), and the body search compares UTF-8 text.
const searchText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((text) => !text.includes("\u0000"), "NUL characters cannot be searched");

/** List/export filters, all optional and combined with AND. */
export const deliveryFilterSchema = z.object({
  /** Exact HTTP method, any case. */
  method: z
    .string()
    .regex(/^[A-Za-z-]{1,32}$/)
    .optional(),
  /** Substring of path + "?" + query, any case. */
  path: searchText(500).optional(),
  /** Substring of any "Name: value" header line, any case. */
  header: searchText(500).optional(),
  /**
   * Substring of the first BODY_SEARCH_MAX_BYTES of the body bytes (UTF-8 of the search text),
   * case-sensitive.
   */
  body: searchText(1000).optional(),
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
