import { decorateDeliveries } from "@/lib/deliveries/decorate-deliveries";
import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";
import type { KnownVerdicts } from "@/lib/deliveries/known-verdicts";
import { listDeliveries } from "@/lib/deliveries/list-deliveries";
import { readLiveSummaries } from "@/lib/deliveries/read-live-summaries";
import { createCoalescedReads } from "@/lib/live/create-coalesced-reads";
import { createLiveHub, type LiveHub } from "@/lib/live/create-live-hub";
import { getEventBus } from "@/lib/live/get-event-bus";
import { log } from "@/lib/log";
import { getSingleton } from "@/lib/singleton";

/** A row the hub read, with the verdicts its read found current (shared by its batch). */
interface LiveItem {
  id: string;
  summary: DeliverySummary;
  known?: KnownVerdicts;
}

/** The process's live hub: one bus subscription and one read per batch for each watched bin. */
export function getLiveHub(): LiveHub {
  return getSingleton("liveHub", () =>
    createLiveHub<LiveItem>({
      bus: getEventBus(),
      // One statement for the rows and their verdicts, shared by every bin woken in the same
      // turn: a batch of new deliveries (judged at capture) usually needs no other read.
      readByIds: createCoalescedReads<LiveItem>({
        readMany: async (ids) => {
          const { deliveries, known } = await readLiveSummaries({ ids });
          return deliveries.map((summary) => ({ id: summary.id, summary, known }));
        },
        binOf: (item) => item.summary.binId,
        idOf: (item) => item.id,
      }),
      readAfter: async ({ binId, after, limit }) =>
        (await listDeliveries({ binId, after, limit })).deliveries.map((summary) => ({
          id: summary.id,
          summary,
        })),
      // Viewers' summaries: never the owner's detail, so every stream can share one frame.
      // Each batch comes from one read, so its first item's verdicts cover all of them.
      decorate: ({ binId, deliveries }) =>
        decorateDeliveries({
          binId,
          deliveries: deliveries.map((item) => item.summary),
          known: deliveries[0]?.known,
        }),
      onError: (message, fields) => log("warn", message, fields),
    }),
  );
}
