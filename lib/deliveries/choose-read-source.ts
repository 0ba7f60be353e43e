import type { ReadFrom } from "@/lib/db";
import type { DeliveryFilter } from "@/lib/deliveries/delivery-filter";

/**
 * Where a list, filtered or not, is read. Signature and conformance filters judge stale
 * verdicts first and write them to the primary, then select by them: a replica would not
 * have those writes yet (it would show too few rows, and the judging loop would never see its
 * work done), so those lists read the primary.
 */
export function chooseReadSource({
  filter,
  readFrom,
}: {
  filter?: DeliveryFilter;
  readFrom: ReadFrom;
}): ReadFrom {
  return filter?.signature || filter?.conformance ? "primary" : readFrom;
}
