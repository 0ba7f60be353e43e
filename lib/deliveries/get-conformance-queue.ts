import { createSerialQueue, type SerialQueue } from "@/lib/deliveries/create-serial-queue";
import { getSingleton } from "@/lib/singleton";

/**
 * Conformance is judged one batch of bodies at a time per instance, like signatures, but in a
 * queue of its own: a bin schema that runs out of time must not hold up signature verdicts.
 */
export function getConformanceQueue(): SerialQueue {
  return getSingleton("conformanceQueue", createSerialQueue);
}
