import type { ClientConnection, WebhookEchoBin } from "@/lib/client/client-types";
import { buildDeliveryQuery } from "@/lib/client/build-delivery-query";
import { normalizeServerUrl } from "@/lib/client/normalize-server-url";
import { pollForDelivery } from "@/lib/client/poll-for-delivery";
import { requestApi } from "@/lib/client/request-api";
import { WebhookEchoError } from "@/lib/client/webhook-echo-error";
import { deliveryIdSchema } from "@/lib/ids/delivery-id-schema";
import { deliveryDetailSchema } from "@/lib/deliveries/get-delivery-detail.types";
import { deliveryPageSchema } from "@/lib/deliveries/list-deliveries.types";
import { buildBinUrls } from "@/lib/http/build-bin-urls";
import { z } from "zod";

export interface OpenBinOptions extends ClientConnection {
  id: string;
  /** The owner token createBin() returned: needed to delete the bin. */
  ownerToken?: string | null;
}

/** A handle on an existing bin (no request is made until a method is called). */
export function openBin({
  server,
  id,
  ownerToken = null,
  fetch: fetchImpl,
}: OpenBinOptions): WebhookEchoBin {
  const base = normalizeServerUrl({ server });
  const doFetch = fetchImpl ?? globalThis.fetch;
  const binUrl = `${base}/api/bins/${encodeURIComponent(id)}`;
  const expectData = <T>(answer: { status: number } & ({ data: T } | object)): T => {
    if ("data" in answer) return answer.data;
    if ("error" in answer && answer.error instanceof WebhookEchoError) throw answer.error;
    throw new WebhookEchoError("bad_response", `unexpected HTTP ${answer.status}`, answer.status);
  };
  const delivery = async (deliveryId: string) => {
    if (!deliveryIdSchema.safeParse(deliveryId).success) {
      throw new WebhookEchoError("bad_request", `"${deliveryId}" is not a delivery id`);
    }
    return expectData(
      await requestApi({
        fetch: doFetch,
        url: `${binUrl}/deliveries/${deliveryId}`,
        schema: deliveryDetailSchema,
      }),
    );
  };
  return {
    id,
    server: base,
    ...buildBinUrls({ origin: base, binId: id }),
    ownerToken,
    async waitForDelivery(options = {}) {
      const found = await pollForDelivery({ ...options, fetch: doFetch, server: base, binId: id });
      return delivery(found.id);
    },
    async deliveries({ limit, before, ...filter } = {}) {
      const query = buildDeliveryQuery({ filter });
      if (limit !== undefined) query.set("limit", String(limit));
      if (before !== undefined) query.set("before", before);
      const page = expectData(
        await requestApi({
          fetch: doFetch,
          url: `${binUrl}/deliveries?${query}`,
          schema: deliveryPageSchema,
        }),
      );
      return page.deliveries;
    },
    delivery,
    async delete() {
      if (!ownerToken) {
        throw new WebhookEchoError("unauthorized", "delete() needs the bin's owner token");
      }
      const answer = await requestApi({
        fetch: doFetch,
        url: binUrl,
        init: { method: "DELETE", headers: { Authorization: `Bearer ${ownerToken}` } },
        schema: z.unknown(),
      });
      if ("error" in answer) throw answer.error;
    },
  };
}
