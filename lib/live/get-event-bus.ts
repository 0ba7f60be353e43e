import { getDatabaseUrl } from "@/lib/database-url";
import { createPostgresEventBus } from "@/lib/live/create-postgres-event-bus";
import type { EventBus } from "@/lib/live/event-bus";
import { log } from "@/lib/log";
import { getSingleton } from "@/lib/singleton";

// We always run on Postgres, so always LISTEN/NOTIFY: every instance on the database sees
// every delivery.
export function getEventBus(): EventBus {
  return getSingleton("eventBus", () =>
    createPostgresEventBus({
      databaseUrl: getDatabaseUrl(),
      onError: (message) => log("warn", message),
    }),
  );
}
