import { z } from "zod";

// The shapes of a diff between two deliveries (GET /api/bins/<id>/deliveries/<a>/diff?against=<b>).
// "before" is the delivery named in the path, "after" the one named by `against`.

export const diffOpSchema = z
  .enum(["added", "removed", "changed"])
  .meta({ description: "added: only in `against`; removed: only in the delivery; changed: both." });

export const headerChangeSchema = z
  .object({
    name: z
      .string()
      .meta({ description: "The header name in lower case (compared case-insensitively)." }),
    op: diffOpSchema,
    before: z.string().nullable().meta({
      description:
        "The delivery's values of this header in order, one per line (a repeated header is one line per field line); null when added.",
    }),
    after: z.string().nullable().meta({
      description: "The same for `against`; null when removed.",
    }),
  })
  .meta({ description: "One header that differs." });

export const bodyChangeSchema = z
  .object({
    path: z.string().meta({
      description:
        'json: a JSON Pointer (RFC 6901, "" is the whole document, "/items/0/id"); text: "L<n>" or "L<n>-L<m>", lines of the delivery (of `against` for added lines); binary and summaries: "".',
    }),
    op: diffOpSchema,
    before: z.string().nullable().meta({
      description:
        "json: the value as compact JSON; text: the lines; binary: size and SHA-256. Null when added. Cut after 1,000 characters, marked by a trailing … (U+2026).",
    }),
    after: z
      .string()
      .nullable()
      .meta({ description: "The same for `against`; null when removed." }),
  })
  .meta({ description: "One difference in the body." });

export const bodyDiffLimitSchema = z.enum(["changes", "size", "effort"]).nullable().meta({
  description:
    "Why the list is incomplete: changes (only the first ones are listed), size (a body is over the diff size limit: compared by size and SHA-256 only), effort (too deep, too many values or too different to compare in detail: one summary change); null when complete.",
});

export const bodyDiffSchema = z
  .object({
    kind: z.enum(["json", "text", "binary"]).meta({
      description:
        "json when both bodies parse as JSON, nested at most 10,000 levels (key order and whitespace are not changes, arrays are compared by index), text when both are UTF-8 (compared by line), else binary.",
    }),
    changes: z.array(bodyChangeSchema),
    truncated: z.boolean().meta({ description: "True when `changes` is not the complete list." }),
    limit: bodyDiffLimitSchema,
  })
  .meta({ description: "How the bodies differ; an empty list when they are equal." });

export type DiffOp = z.infer<typeof diffOpSchema>;
export type HeaderChange = z.infer<typeof headerChangeSchema>;
export type BodyChange = z.infer<typeof bodyChangeSchema>;
export type BodyDiff = z.infer<typeof bodyDiffSchema>;
export type BodyDiffLimit = z.infer<typeof bodyDiffLimitSchema>;
