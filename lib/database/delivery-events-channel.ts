/**
 * The live bus's LISTEN/NOTIFY channel (lib/live/create-postgres-event-bus.ts). Capture's insert
 * statement notifies it itself (capture-statements.ts), so the name sits below both.
 */
export const DELIVERY_EVENTS_CHANNEL = "webhook_echo_deliveries";
