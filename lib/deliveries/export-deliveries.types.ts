import { z } from "zod";
import { deliveryFilterSchema } from "@/lib/deliveries/delivery-filter";
import { deliverySummarySchema, headerPairsSchema } from "@/lib/deliveries/delivery-summary";

// GET /api/bins/<id>/export; the answer is harSchema (lib/payload/har-schema.ts) or JSON lines.

export const exportFormatSchema = z
  .enum(["har", "jsonl"])
  .default("har")
  .meta({ description: "har (application/json) or jsonl (one DeliveryExportRecord per line)." });

/** Every query parameter of the export, as documented; the filters are the list's. */
export const exportQuerySchema = z
  .object({ format: exportFormatSchema })
  .extend(deliveryFilterSchema.shape);

/** One line of the JSON lines export: the summary, headers and the body (no decorations). */
export const deliveryExportRecordSchema = deliverySummarySchema
  .extend({
    headers: headerPairsSchema,
    bodyText: z.string().nullable(),
    bodyBase64: z.string().meta({ contentEncoding: "base64" }),
  })
  .meta({ description: "One line of the JSON lines export." });
