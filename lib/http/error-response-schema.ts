import { z } from "zod";

/** Every error answer of the API and of the capture endpoint (lib/http/json-error.ts). */
export const errorResponseSchema = z
  .object({
    error: z.string().meta({
      description: "Machine-readable code.",
      examples: [
        "bad_request",
        "unauthorized",
        "forbidden",
        "not_found",
        "conflict",
        "payload_too_large",
        "rate_limited",
        "unavailable",
      ],
    }),
    message: z.string().meta({ description: "What went wrong, for humans." }),
  })
  .meta({ description: "Every error answer of the API and of the capture endpoint." });

export type ErrorResponse = z.infer<typeof errorResponseSchema>;
