import type { z } from "zod";
import type { listedDeliverySchema } from "@/lib/deliveries/delivery-summary";

/**
 * A list row as the API, the live events and the server render send it: the summary plus the
 * signature verdict and retry numbering (lib/deliveries/delivery-summary.ts).
 */
export type ListedDelivery = z.infer<typeof listedDeliverySchema>;
