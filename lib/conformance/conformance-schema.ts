import { z } from "zod";

// Pure: the browser imports these schemas too (list rows, live events, detail).

/** How many errors and unknown fields one verdict lists at most (a huge body can have millions). */
export const CONFORMANCE_LIST_LIMITS = { errors: 50, unknownFields: 100 } as const;

const POINTER_DESCRIPTION =
  'JSON Pointer (RFC 6901) into the body, e.g. "/transcript/segments/0/start"; "" is the whole body.';

export const conformanceErrorSchema = z.object({
  path: z.string().meta({
    description: `${POINTER_DESCRIPTION} For a missing required field, the path of that field.`,
  }),
  message: z.string().meta({ examples: ["must be one of: completed, failed"] }),
});

const schemaName = z.string().meta({
  description:
    'The schema the body was judged against: "callcov-analysis@<version>" for a CallCov analysis, or "bin@<hash>" when the bin\'s owner set its own JSON Schema (then every JSON body is judged).',
  examples: ["callcov-analysis@1", "bin@3f2a9c0e11d4"],
});

/** What a list row says about the body's conformance; null when no schema applies to it. */
export const conformanceSummarySchema = z
  .object({ schema: schemaName, valid: z.boolean() })
  .nullable()
  .meta({
    description:
      "Whether the body conforms to the schema that applies to it; null when none applies (not a CallCov analysis and no bin schema, or not JSON).",
  });

/** The detail's verdict: every error (at most 50) and, for CallCov, the fields it does not know. */
export const conformanceDetailSchema = z
  .object({
    schema: schemaName,
    valid: z.boolean(),
    errors: z
      .array(conformanceErrorSchema)
      .max(CONFORMANCE_LIST_LIMITS.errors)
      .meta({
        description: `At most ${CONFORMANCE_LIST_LIMITS.errors} errors, in the validator's order.`,
      }),
    unknownFields: z
      .array(z.string())
      .max(CONFORMANCE_LIST_LIMITS.unknownFields)
      .meta({
        description: `Fields the CallCov schema does not define (allowed, but listed), as JSON Pointers; at most ${CONFORMANCE_LIST_LIMITS.unknownFields}. Always empty for a bin's own schema (it says itself what it allows).`,
      }),
  })
  .nullable()
  .meta({ description: "The body's conformance in full; null when no schema applies." });

export type ConformanceSummary = z.infer<typeof conformanceSummarySchema>;
export type ConformanceDetail = z.infer<typeof conformanceDetailSchema>;
export type ConformanceError = z.infer<typeof conformanceErrorSchema>;
