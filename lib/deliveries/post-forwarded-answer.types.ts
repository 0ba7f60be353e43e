import { z } from "zod";
import { deliveryIdSchema } from "@/lib/ids/delivery-id-schema";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/text/is-storable-text";

// POST /api/bins/<id>/deliveries/<deliveryId>/response (owner only): what the local app
// answered a held capture, posted by `webhook-echo forward --respond`.

// The delivery's row records the error, and the names of refused headers, in jsonb, which
// refuses U+0000 and lone surrogates (a 500). No HTTP answer carries either in a header (Node
// reads header bytes as Latin-1 and refuses NUL), so such text is refused as bad input.
const storable = (text: string) => isStorableText({ text });

/** The local app answered (any status): this becomes the echo's answer to the sender. */
export const forwardedResponseSchema = z
  .strictObject({
    status: z.number().int().min(200).max(599),
    headers: z
      .array(
        z.tuple([
          z.string().min(1).max(200).refine(storable, UNSTORABLE_TEXT_MESSAGE),
          z.string().max(8192).refine(storable, UNSTORABLE_TEXT_MESSAGE),
        ]),
      )
      .max(200)
      .meta({
        description:
          "The local app's answer headers in order, repeats allowed. Hop-by-hop headers and those a browser would act on for our origin are dropped (the delivery records which).",
      }),
    bodyBase64: z
      .string()
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, "bodyBase64 must be base64")
      .meta({ description: "The body's exact bytes, base64 (at most FORWARD_MAX_ANSWER_BYTES)." }),
  })
  .meta({ description: "What the local app answered." });

/** The forwarder could not get an answer from the local app (connection refused, timeout). */
export const forwardErrorSchema = z
  .strictObject({
    error: z.string().min(1).max(1000).refine(storable, UNSTORABLE_TEXT_MESSAGE),
  })
  .meta({ description: "The local app gave no answer; the sender gets the bin's own answer." });

export const postForwardedAnswerInputSchema = z.union([
  forwardedResponseSchema,
  forwardErrorSchema,
]);

export const forwardedAnswerAcceptedSchema = z
  .object({
    deliveryId: deliveryIdSchema,
    reason: z.enum(["forwarded", "forward_failed"]).meta({
      description: "What the delivery now records (and the waiting sender is answered with).",
    }),
    droppedHeaders: z.array(z.string()).meta({
      description: "Answer headers left out, as `<name>: <why>`.",
    }),
  })
  .meta({ description: "Accepted: the held capture is answered now." });

export type PostForwardedAnswerInput = z.infer<typeof postForwardedAnswerInputSchema>;
export type ForwardedAnswerAccepted = z.infer<typeof forwardedAnswerAcceptedSchema>;
