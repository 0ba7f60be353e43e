import { createSerialQueue, type SerialQueue } from "@/lib/deliveries/create-serial-queue";
import { getSingleton } from "@/lib/singleton";

/**
 * Conformance is judged one batch of bodies at a time per instance, like signatures, in queues
 * of their own: batches for bins' own schemas wait on the one validator thread (up to
 * CONFORMANCE_TIMEOUT_MS behind a runaway schema), and must hold up neither signature verdicts
 * nor CallCov checks, which run in-process and have their own queue.
 */
export function getConformanceQueue({
  validatorThread,
}: {
  validatorThread: boolean;
}): SerialQueue {
  return getSingleton(
    validatorThread ? "conformanceQueueBinSchemas" : "conformanceQueueCallcov",
    createSerialQueue,
  );
}
