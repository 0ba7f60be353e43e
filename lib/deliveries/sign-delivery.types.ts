import { z } from "zod";
import { signatureSchemeSchema } from "@/lib/signatures/signature-result-schema";

// POST /api/bins/<id>/deliveries/<deliveryId>/sign (owner only)

export const signDeliveryRequestSchema = z
  .strictObject({
    bodyBase64: z.base64().optional().meta({
      description:
        "The exact bytes the replay will send (e.g. an edited body), base64. Absent: the delivery's stored body.",
    }),
  })
  .meta({ description: "What to sign for a replay of the delivery." });

export const deliverySignedSchema = z
  .object({
    scheme: signatureSchemeSchema.meta({
      description: "The delivery's detected signature scheme, which the headers satisfy.",
    }),
    headers: z.array(z.tuple([z.string(), z.string()])).meta({
      description:
        "Headers to set on the replay (replacing any of the same name): the signature and, for Stripe, Slack and Standard Webhooks, a fresh timestamp (and the message id).",
    }),
    signedAt: z.iso.datetime().meta({ description: "The time the signature carries." }),
  })
  .meta({
    description:
      "Signature headers for one body with the bin's secret at the current time; never the secret.",
  });

export type SignDeliveryRequest = z.infer<typeof signDeliveryRequestSchema>;
export type DeliverySigned = z.infer<typeof deliverySignedSchema>;
