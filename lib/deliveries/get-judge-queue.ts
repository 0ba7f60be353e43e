import { createSerialQueue, type SerialQueue } from "@/lib/deliveries/create-serial-queue";
import { getSingleton } from "@/lib/singleton";

/** Re-judging reads bodies one batch at a time per instance, whatever the number of readers. */
export function getJudgeQueue(): SerialQueue {
  return getSingleton("judgeQueue", createSerialQueue);
}
