import { z } from "zod";
import { deliveryIdSchema } from "@/lib/ids/delivery-id-schema";

// POST /api/bins/<id>/samples

export const sampleRequestSchema = z.strictObject({
  kind: z.enum(["completed", "failed", "duplicate"]).default("completed").meta({
    description:
      "duplicate re-sends the bin's newest sample (one this server generated, recognised by its authenticated id) byte for byte, like a retry; never a body someone else sent. 409 when the bin has no sample yet.",
  }),
});

export const sampleSentSchema = z.object({
  deliveryId: deliveryIdSchema.nullable(),
  status: z.number().int().meta({ description: "What the bin's echo endpoint answered." }),
  analysisId: z.string().meta({
    description: "sample_<c|f>_<created>_<nonce>_<mac>: a sample id only this server can mint.",
  }),
  signed: z.boolean().meta({ description: "Whether X-CallCov-Signature was sent." }),
  unsignedReason: z.enum(["no-secret", "not-owner"]).nullable().meta({
    description:
      "Why it was sent unsigned: the bin has no secret, or the caller is not the owner (only the owner's samples are signed). null when signed.",
  }),
});

export type SampleKind = z.infer<typeof sampleRequestSchema>["kind"];
export type SentSample = z.infer<typeof sampleSentSchema>;
