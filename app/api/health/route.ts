import type { Health } from "@/lib/http/health.types";

export const dynamic = "force-dynamic";

// Liveness: the process answers. Readiness (database, migrations) is /api/ready.
export function GET(): Response {
  return Response.json({ status: "ok" } satisfies Health, {
    headers: { "Cache-Control": "no-store" },
  });
}
