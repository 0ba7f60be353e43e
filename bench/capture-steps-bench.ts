import { createHash } from "node:crypto";
import {
  buildDeliveryRecord,
  type BuildDeliveryRecordOptions,
} from "@/lib/capture/build-delivery-record";
import { nullUnstorableFields } from "@/lib/capture/null-unstorable-fields";
import { planResponse } from "@/lib/capture/plan-response";
import { sanitizeDeliveryRecord } from "@/lib/capture/sanitize-delivery-record";
import type { SimulationSettings } from "@/lib/bins/bin-settings-schema";
import { judgeCallcovAtCapture } from "@/lib/conformance/judge-callcov-at-capture";
import { createRandomPool } from "@/lib/ids/create-random-pool";
import { createUuidV7 } from "@/lib/ids/create-uuid-v7";
import { buildDefaultAnswer } from "@/lib/payload/build-default-answer";
import { parseJsonBody } from "@/lib/payload/parse-json-body";
import { toStoredVerdict } from "@/lib/signatures/to-stored-verdict";
import { toJsonText } from "@/lib/capture/to-json-text";
import { formatIsoTimestamp } from "@/lib/text/format-iso-timestamp";
import { verifySignature } from "@/lib/signatures/verify-signature";

// `npm run bench:steps`: CPU µs per call of each pure step capture runs per delivery, on
// scenario 1a's request (2 KB CallCov-like JSON, autocannon's headers, a bin with default
// settings and no secret). Each step runs in a loop of its own, timed as a whole. Their sum
// against `npm run bench`'s CPU per delivery says how much of the gap to the reference server
// is the product's own logic and how much the I/O around it (README, Performance).
const N = Number(process.env.STEPS ?? 200_000);

const analysis = {
  id: "550e8400-e29b-41d4-a716-446655440000",
  object: "analysis",
  status: "completed",
  transcript: { text: "" },
};
analysis.transcript.text = "x".repeat(2048 - JSON.stringify(analysis).length);
const body = Buffer.from(JSON.stringify(analysis));
const rawHeaders = [
  "host",
  "127.0.0.1:3000",
  "content-type",
  "application/json",
  "content-length",
  String(body.byteLength),
  "connection",
  "keep-alive",
];
const settings: SimulationSettings = { response: null, failFirst: null };
const receivedAt = new Date();
const randomPool = createRandomPool();
const json = parseJsonBody({ body });
const id = createUuidV7({ now: () => receivedAt.getTime(), randomBytes: randomPool });
const recordOptions: BuildDeliveryRecordOptions = {
  id,
  binId: "bench-1",
  method: "POST",
  path: "",
  query: "",
  rawHeaders,
  body,
  remoteAddress: "127.0.0.1",
  receivedAt,
  json,
};
const record = buildDeliveryRecord(recordOptions);
const request = { method: "POST", headers: record.headers, json };
const plan = planResponse({ settings, path: "", priorAttempts: null, request });
const verdict = toStoredVerdict(
  await verifySignature({ headers: record.headers, body, secret: null, now: () => receivedAt }),
);
const conformanceValid = judgeCallcovAtCapture({ body, contentType: record.contentType, json });
const complete = {
  ...record,
  responseStatus: plan.status,
  response: plan,
  signature: verdict,
  conformanceSchema: "callcov-analysis@1",
  conformanceValid,
};

// Results go somewhere, so the JIT cannot drop a call.
let sink: unknown = null;

async function time(name: string, step: () => unknown): Promise<[string, number]> {
  for (let i = 0; i < 10_000; i++) sink = await step();
  const start = process.cpuUsage();
  for (let i = 0; i < N; i++) sink = await step();
  const used = process.cpuUsage(start);
  return [name, (used.user + used.system) / N];
}

const steps: Array<[string, () => unknown]> = [
  ["parse the JSON body", () => parseJsonBody({ body })],
  ["delivery id (UUIDv7)", () => createUuidV7({ now: () => Date.now(), randomBytes: randomPool })],
  ["build the record (incl. SHA-256)", () => buildDeliveryRecord(recordOptions)],
  ["check the record for storage", () => sanitizeDeliveryRecord({ record })],
  ["plan the answer", () => planResponse({ settings, path: "", priorAttempts: null, request })],
  [
    "signature verdict (no secret)",
    async () =>
      toStoredVerdict(
        await verifySignature({
          headers: record.headers,
          body,
          secret: null,
          now: () => receivedAt,
        }),
      ),
  ],
  [
    "judge callcov-analysis@1",
    () => judgeCallcovAtCapture({ body, contentType: record.contentType, json }),
  ],
  ["null unstorable derived fields", () => nullUnstorableFields({ record: complete })],
  [
    "row parameters (JSON text, ISO times)",
    () => [
      JSON.stringify(complete.headers),
      toJsonText(complete.response),
      toJsonText(complete.signature),
      formatIsoTimestamp({ date: complete.receivedAt }),
    ],
  ],
  ["the default answer", () => buildDefaultAnswer({ plan, deliveryId: id })],
];

const reference: Array<[string, () => unknown]> = [
  [
    "SHA-256 of the body (the reference does it too)",
    () => createHash("sha256").update(body).digest("hex"),
  ],
  ["an empty await (per step above that awaits)", async () => undefined],
];

let total = 0;
console.log(`Capture's pure steps, CPU µs per call (${N.toLocaleString("en")} calls each):`);
for (const [name, step] of steps) {
  const [label, micros] = await time(name, step);
  total += micros;
  console.log(`  ${micros.toFixed(2).padStart(6)}  ${label}`);
}
console.log(`  ${total.toFixed(2).padStart(6)}  all of them`);
console.log("For scale:");
for (const [name, step] of reference) {
  const [label, micros] = await time(name, step);
  console.log(`  ${micros.toFixed(2).padStart(6)}  ${label}`);
}
if (sink === Symbol.for("never")) console.log(sink);
