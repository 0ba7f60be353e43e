import { z } from "zod";
import { binIdSchema } from "@/lib/ids/bin-id-schema";

// POST /api/bins/<id>/claim (no input)

export const binClaimedSchema = z.object({ id: binIdSchema, ownerToken: z.string() });

export type BinClaimed = z.infer<typeof binClaimedSchema>;
