import { describe, expect, it } from "vitest";
import { buildDeliveryQuery } from "@/lib/client/build-delivery-query";
import { parseJsonMatch } from "@/lib/deliveries/parse-json-match";

describe("buildDeliveryQuery", () => {
  it("passes filters by name and match values as JSON", () => {
    const query = buildDeliveryQuery({
      filter: {
        method: "POST",
        path: "/hooks",
        signature: "valid",
        body: undefined,
        conformance: "invalid",
        match: { status: "completed", n: 3, "items.0.ok": true, id: "3", gone: null },
      },
    });
    expect([...query]).toEqual([
      ["method", "POST"],
      ["path", "/hooks"],
      ["signature", "valid"],
      ["conformance", "invalid"],
      ["json", 'status="completed"'],
      ["json", "n=3"],
      ["json", "items.0.ok=true"],
      ["json", 'id="3"'],
      ["json", "gone=null"],
    ]);
  });

  it("sends only the list's filters: other options never become query parameters", () => {
    const filter = { method: "POST", timeoutMs: 5, signal: undefined, tick: () => 1 };
    expect([...buildDeliveryQuery({ filter })]).toEqual([["method", "POST"]]);
  });

  it("sends raw path=value matches as they are", () => {
    expect(
      buildDeliveryQuery({ filter: { match: ["status=completed", "a.b=1"] } }).getAll("json"),
    ).toEqual(["status=completed", "a.b=1"]);
  });

  it("the server reads every match back to the value it was given", () => {
    const values = { s: "3", n: 3, t: true, z: null, q: 'say "hi" = ok' };
    const query = buildDeliveryQuery({ filter: { match: values } });
    const parsed = query.getAll("json").map((text) => parseJsonMatch({ text }));
    expect(parsed.map((result) => (result.ok ? result.match.value : "refused"))).toEqual(
      Object.values(values),
    );
  });
});
