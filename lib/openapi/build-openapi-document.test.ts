import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { buildSampleAnalysis } from "@/lib/analysis/build-sample-analysis";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";
import { RESPONSE_HEADER_LIMITS } from "@/lib/payload/check-response-headers";

const document = buildOpenApiDocument({ serverUrl: "http://localhost:3000" });
const schemas = document.components.schemas;
const DOCUMENT_ID = "https://webhook-echo.test/openapi.json";

function compile(name: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  return ajv.getSchema(`${DOCUMENT_ID}#/components/schemas/${name}`)!;
}

describe("buildOpenApiDocument (generated from the zod schemas)", () => {
  it("resolves every reference and keeps no per-schema $schema/$id", () => {
    const refs = [
      ...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g),
    ];
    expect(refs.length).toBeGreaterThan(20);
    for (const [, name] of refs) expect(schemas).toHaveProperty(name!);
    for (const schema of Object.values(schemas)) {
      expect(schema).not.toHaveProperty("$schema");
      expect(schema).not.toHaveProperty("$id");
    }
  });

  it("documents answers as sent: defaulted keys required, unknown keys refused", () => {
    expect(schemas.FailFirst?.required).toEqual(["count", "status"]);
    expect(schemas.DeliverySummary?.additionalProperties).toBe(false);
    // Request bodies as a client may send them: every settings key optional.
    expect(schemas.BinSettingsInput?.required ?? []).toEqual([]);
    expect(schemas.SampleRequest?.required ?? []).toEqual([]);
  });

  it("documents the response header rules that saving settings enforces", () => {
    const headers = schemas.ResponseSettings?.properties?.headers;
    expect(headers?.maxProperties).toBe(RESPONSE_HEADER_LIMITS.count);
    expect(headers?.description).toMatch(/set-cookie/);
    const value = headers?.additionalProperties;
    expect(typeof value === "object" && value.maxLength).toBe(RESPONSE_HEADER_LIMITS.valueLength);
  });

  it("describes the sample analysis this server sends", () => {
    const validate = compile("AnalysisPayload");
    for (const status of ["completed", "failed"] as const) {
      const sample = buildSampleAnalysis({ status, now: () => new Date(), randomId: () => "a1" });
      expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(validate({ object: "analysis" })).toBe(false);
  });

  it("takes query parameters, their limits and texts from the route schemas", () => {
    const list = document.paths["/api/bins/{id}/deliveries"]?.get?.parameters ?? [];
    const limit = list.find((parameter) => parameter.name === "limit");
    expect(limit?.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 200, default: 50 });
    expect(limit?.description).toBe("Page size.");
    expect(list.map((parameter) => parameter.name)).toEqual([
      "id",
      "limit",
      "before",
      "method",
      "path",
      "header",
      "body",
      "signature",
      "json",
      "conformance",
    ]);
    const json = list.find((parameter) => parameter.name === "json");
    expect(json?.schema).toMatchObject({ type: "array", items: { type: "string" }, maxItems: 10 });
  });

  it("documents the wait with its own parameters plus exactly the list's filters", () => {
    const wait = document.paths["/api/bins/{id}/deliveries/wait"]?.get;
    const listNames = (document.paths["/api/bins/{id}/deliveries"]?.get?.parameters ?? [])
      .map((parameter) => parameter.name)
      .filter((name) => name !== "limit" && name !== "before");
    expect(wait?.parameters?.map((parameter) => parameter.name)).toEqual([
      ...listNames.slice(0, 1),
      "after",
      "timeout",
      ...listNames.slice(1),
    ]);
    const timeout = wait?.parameters?.find((parameter) => parameter.name === "timeout");
    expect(timeout?.schema).toMatchObject({ minimum: 1, maximum: 60, default: 30 });
    expect(Object.keys(wait?.responses ?? {})).toEqual(
      expect.arrayContaining(["200", "204", "400", "404", "429"]),
    );
  });
});
