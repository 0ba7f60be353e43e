// The public surface of `webhook-echo/client` (bundled to dist/client.mjs by scripts/build-client.mjs).
// The one file that re-exports: a package entry must name everything a consumer may import.
export { createBin } from "@/lib/client/create-bin";
export { openBin, type OpenBinOptions } from "@/lib/client/open-bin";
export { WebhookEchoError } from "@/lib/client/webhook-echo-error";
export type {
  ClientConnection,
  DeliveryDetail,
  DeliveryFilterOptions,
  ListDeliveriesOptions,
  ListedDelivery,
  WaitForDeliveryOptions,
  WebhookEchoBin,
} from "@/lib/client/client-types";
