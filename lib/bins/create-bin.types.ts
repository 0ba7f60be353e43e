import { z } from "zod";
import { binIdSchema } from "@/lib/ids/bin-id-schema";
import { binUrlsShape } from "@/lib/bins/get-bin.types";

// POST /api/bins (no input)

export const binCreatedSchema = z.object({
  id: binIdSchema.meta({ description: "128 random bits, base64url (22 characters)." }),
  echoUrl: binUrlsShape.echoUrl,
  viewUrl: binUrlsShape.viewUrl,
  ownerToken: z.string().meta({
    description: "Shown once; only its hash is stored. Send as Authorization: Bearer.",
  }),
});

export type BinCreated = z.infer<typeof binCreatedSchema>;
