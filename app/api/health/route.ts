export const dynamic = "force-dynamic";

// Liveness: the process answers. Readiness (database, migrations) is /api/ready.
export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
