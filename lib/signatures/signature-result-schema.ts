import { z } from "zod";

export const signatureSchemeSchema = z.enum([
  "callcov",
  "github",
  "stripe",
  "standard-webhooks",
  "shopify",
  "slack",
]);

export const signatureStatusSchema = z.enum(["valid", "invalid", "missing", "no_secret"]);

/** Only the bin owner may see this: it carries the expected signature. */
export const ownerDetailSchema = z
  .object({ header: z.string(), received: z.string(), expected: z.string() })
  .meta({
    description:
      "Only for the bin's owner, on a single delivery: the expected signature, computed when asked (never stored).",
  });

/** A signature verdict as every reader (API, live events, the view) receives it. */
export const signatureResultSchema = z
  .object({
    scheme: signatureSchemeSchema.nullable(),
    status: signatureStatusSchema,
    /** Shown to any viewer, so it never contains the secret or the expected signature. */
    reason: z.string(),
    ownerDetail: ownerDetailSchema.optional(),
  })
  .meta({ description: "The signature check against the bin's current secret." });
