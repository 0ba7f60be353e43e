import { getDb } from "@/lib/db";

// Once true it stays true (the flag is only ever set), so a process asks until it is.
let ready = false;

/**
 * Whether delivery_counts hold every delivery: false on an existing install between the counts
 * migration and the sweep's backfill (lib/housekeeping/backfill-delivery-counts.ts), while the
 * rows from before the triggers are not in them yet. Readers then count by scan.
 */
export async function checkDeliveryCountsReady(): Promise<boolean> {
  if (ready) return true;
  const [flag] = await getDb().$queryRaw<Array<{ done: boolean }>>`
    SELECT done FROM delivery_counts_backfill`;
  ready = flag?.done === true;
  return ready;
}
