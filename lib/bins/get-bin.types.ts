import { z } from "zod";
import { publicBinSchema } from "@/lib/bins/public-bin";

// GET /api/bins/<id>

export const binUrlsShape = {
  echoUrl: z.url().meta({ description: "Send webhooks here." }),
  viewUrl: z.url().meta({ description: "Watch them arrive here." }),
};

export const getBinResponseSchema = publicBinSchema.extend(binUrlsShape).meta({
  description: "What anyone holding a view link may learn about a bin (never its token or secret).",
});

export type GetBinResponse = z.infer<typeof getBinResponseSchema>;
