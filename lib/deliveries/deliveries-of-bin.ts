import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";
import type { ReadFrom } from "@/lib/db";

/** A page of one bin's deliveries, handed to each step that adds columns to it. */
export interface DeliveriesOfBin<T extends DeliverySummary> {
  binId: string;
  deliveries: T[];
  /** Where a step reads what it adds: "replica" when the rows themselves came from one. */
  readFrom?: ReadFrom;
}
