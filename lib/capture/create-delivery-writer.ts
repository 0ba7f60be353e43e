import type { DeliveryRecord } from "@/lib/capture/delivery-record";

export interface DeliveryWriter {
  /**
   * Resolves once the record's batch has committed: true, or false when the record was planned
   * with its bin's defaults unread (`assumingDefaults`) and was left out because the bin holds
   * more. Rejects if the batch failed.
   */
  write: (record: DeliveryRecord, options?: { assumingDefaults?: boolean }) => Promise<boolean>;
  /** Resolves when nothing is queued or in flight (graceful shutdown). */
  drain: () => Promise<void>;
}

export interface CreateDeliveryWriterOptions {
  /**
   * Writes the records in one statement; those of `assumingDefaults` (ids) only if their bin
   * holds the defaults. Resolves with the ids left out.
   */
  insertBatch: (
    records: DeliveryRecord[],
    assumingDefaults: ReadonlySet<string>,
  ) => Promise<ReadonlySet<string> | void>;
  maxBatchRows?: number;
  maxBatchBytes?: number;
  maxInFlight?: number;
  /**
   * Body bytes in flight to the database at once. A 10 MiB body costs several times its size
   * while it is encoded for the wire, so large bodies are written one batch at a time.
   */
  maxInFlightBytes?: number;
  /**
   * True when the database refused a row's data (not an outage): the batch is then retried row
   * by row, so only the culprit fails and its batch-mates still commit.
   */
  isRowError?: (error: unknown) => boolean;
}

interface Pending {
  record: DeliveryRecord;
  assumingDefaults: boolean;
  resolve: (stored: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: writes that arrive while earlier batches are in flight are inserted together
 * in one statement. An idle writer flushes after the I/O callbacks of the current turn of the
 * event loop (setImmediate), so a lone delivery waits for nothing but its own INSERT, and
 * deliveries whose bodies ended in the same turn share one: on the next microtask each would
 * go alone, since every request completes in a callback of its own.
 */
export function createDeliveryWriter({
  insertBatch,
  maxBatchRows = 100,
  maxBatchBytes = 16 * 1024 * 1024,
  maxInFlight = 4,
  maxInFlightBytes = 16 * 1024 * 1024,
  isRowError = () => false,
}: CreateDeliveryWriterOptions): DeliveryWriter {
  const queue: Pending[] = [];
  let inFlight = 0;
  let inFlightBytes = 0;
  let scheduled = false;
  let idleWaiters: Array<() => void> = [];

  const notifyIdle = () => {
    if (inFlight > 0 || queue.length > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const waiter of waiters) waiter();
  };

  // Settles every write of the batch. A row-level refusal fails the whole statement; the rows
  // are then inserted one by one (in the same slot) so that only the culprit is refused.
  const insert = async (batch: Pending[]): Promise<void> => {
    const assuming = new Set<string>();
    for (const item of batch) if (item.assumingDefaults) assuming.add(item.record.id);
    const leftOut = await insertBatch(
      batch.map((item) => item.record),
      assuming,
    );
    for (const item of batch) item.resolve(!leftOut?.has(item.record.id));
  };
  const writeBatch = async (batch: Pending[]): Promise<void> => {
    try {
      await insert(batch);
      return;
    } catch (error) {
      if (batch.length === 1 || !isRowError(error)) {
        batch.forEach((item) => item.reject(error));
        return;
      }
    }
    for (const item of batch) {
      try {
        await insert([item]);
      } catch (error) {
        item.reject(error);
      }
    }
  };

  const pump = () => {
    scheduled = false;
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch: Pending[] = [];
      let bytes = 0;
      while (queue.length > 0 && batch.length < maxBatchRows) {
        const next = queue[0]!;
        if (batch.length > 0 && bytes + next.record.bodySize > maxBatchBytes) break;
        // Nothing in flight: always go, so one body larger than the bound still gets written.
        if (inFlight > 0 && inFlightBytes + bytes + next.record.bodySize > maxInFlightBytes) break;
        bytes += next.record.bodySize;
        batch.push(queue.shift()!);
      }
      if (batch.length === 0) break;
      inFlight++;
      inFlightBytes += bytes;
      writeBatch(batch).finally(() => {
        inFlight--;
        inFlightBytes -= bytes;
        pump();
        notifyIdle();
      });
    }
  };

  return {
    write(record, { assumingDefaults = false } = {}) {
      return new Promise<boolean>((resolve, reject) => {
        queue.push({ record, assumingDefaults, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(pump);
        }
      });
    },
    drain() {
      if (inFlight === 0 && queue.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}
