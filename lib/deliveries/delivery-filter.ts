import { z } from "zod";
import { parseJsonMatch } from "@/lib/deliveries/parse-json-match";
import { signatureStatusSchema } from "@/lib/signatures/signature-result-schema";
import { isStorableText } from "@/lib/text/is-storable-text";

// PostgreSQL text cannot hold U+0000 (nor UTF-8 a lone surrogate): one in a search would fail
// the query (a 500), so it is refused as bad input. Captured text never contains one either
// (capture refuses NUL in URLs and headers), and the body search compares UTF-8 text. A json=
// value is checked again once parsed (parseJsonMatch): its escapes can spell both.
const searchText = (max: number) =>
  z
    .string()
    .min(1, "Empty")
    .max(max, `At most ${max.toLocaleString("en")} characters`)
    .refine(
      (text) => isStorableText({ text }),
      "NUL (U+0000) and lone surrogates cannot be searched",
    );

/** List/export filters, all optional and combined with AND. */
export const deliveryFilterSchema = z.object({
  /** Exact HTTP method, any case. */
  method: z
    .string()
    .regex(/^[A-Za-z-]{1,32}$/)
    .optional()
    .meta({ description: "Only this HTTP method (exact, any case).", examples: ["POST"] }),
  /** Substring of path + "?" + query, any case. */
  path: searchText(500)
    .optional()
    .meta({ description: 'Substring of the subpath plus "?" and query (any case).' }),
  /** Substring of any "Name: value" header line, any case. */
  header: searchText(500)
    .optional()
    .meta({
      description: 'Substring of any "Name: value" header line (any case).',
      examples: ["x-callcov-signature"],
    }),
  /**
   * Substring of the first BODY_SEARCH_MAX_BYTES of the body bytes (UTF-8 of the search text),
   * case-sensitive.
   */
  body: searchText(1000).optional().meta({
    description:
      "Substring of the body bytes (the UTF-8 of the search text, case-sensitive). Only the first 1 MiB of each body is searched (BODY_SEARCH_MAX_BYTES on the server); a filtered query that runs longer than SEARCH_STATEMENT_TIMEOUT_MS (5 s by default) is stopped with 503 search_timeout.",
  }),
  signature: signatureStatusSchema
    .optional()
    .meta({ description: "Only deliveries with this signature verdict." }),
  json: z
    .array(
      searchText(1000).superRefine((text, context) => {
        const parsed = parseJsonMatch({ text });
        if (!parsed.ok) context.addIssue({ code: "custom", message: parsed.reason });
      }),
    )
    .min(1)
    .max(10)
    .optional()
    .meta({
      description:
        'Repeatable `<dot.path>=<value>`: the JSON body has this value at this path (keys separated by ".", a number also indexes an array; the path ends at the first "="). The value is compared as a JSON scalar when it parses as one (`3`, `true`, `null`, `"3"`), else as a string (`status=completed` equals `status="completed"`); objects and arrays are not compared; a value holding U+0000 or a lone surrogate (also as a JSON escape) or a number out of range (1e400) is a 400. Only bodies of up to 1 MiB (BODY_SEARCH_MAX_BYTES) that are UTF-8 JSON can match.',
      examples: [["status=completed", "metadata.attempt=2"]],
    }),
  conformance: z.enum(["valid", "invalid"]).optional().meta({
    description:
      "Only deliveries whose body conforms (valid) or does not (invalid) to the schema that applies to it (the bin's own JSON Schema, else callcov-analysis@1 for CallCov analyses); deliveries no schema applies to match neither.",
  }),
});

export type DeliveryFilter = z.infer<typeof deliveryFilterSchema>;

export function readDeliveryFilter(searchParams: URLSearchParams): DeliveryFilter {
  return deliveryFilterSchema.parse({
    method: searchParams.get("method") || undefined,
    path: searchParams.get("path") || undefined,
    header: searchParams.get("header") || undefined,
    body: searchParams.get("body") || undefined,
    signature: searchParams.get("signature") || undefined,
    json: searchParams.has("json") ? searchParams.getAll("json") : undefined,
    conformance: searchParams.get("conformance") || undefined,
  });
}

export function hasFilter(filter: DeliveryFilter | undefined): filter is DeliveryFilter {
  return Boolean(filter && Object.values(filter).some((value) => value !== undefined));
}
