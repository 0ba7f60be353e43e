import { z } from "zod";
import { deliveryIdSchema } from "@/lib/ids/delivery-id-schema";

export const captureReceiptSchema = z
  .object({ received: z.literal(true), deliveryId: deliveryIdSchema })
  .meta({ description: "The default answer of the echo endpoint." });
