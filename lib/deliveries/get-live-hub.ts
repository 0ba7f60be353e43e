import { decorateDeliveries } from "@/lib/deliveries/decorate-deliveries";
import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";
import { getDeliverySummaries } from "@/lib/deliveries/get-delivery-summaries";
import { listDeliveries } from "@/lib/deliveries/list-deliveries";
import { createLiveHub, type LiveHub } from "@/lib/live/create-live-hub";
import { getEventBus } from "@/lib/live/get-event-bus";
import { log } from "@/lib/log";
import { getSingleton } from "@/lib/singleton";

/** The process's live hub: one bus subscription and one read per batch for each watched bin. */
export function getLiveHub(): LiveHub {
  return getSingleton("liveHub", () =>
    createLiveHub<DeliverySummary>({
      bus: getEventBus(),
      readByIds: ({ binId, ids }) => getDeliverySummaries({ binId, ids }),
      readAfter: async ({ binId, after, limit }) =>
        (await listDeliveries({ binId, after, limit })).deliveries,
      // Viewers' summaries: never the owner's detail, so every stream can share one frame.
      decorate: ({ binId, deliveries }) => decorateDeliveries({ binId, deliveries }),
      onError: (message, fields) => log("warn", message, fields),
    }),
  );
}
