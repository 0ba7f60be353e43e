import { z } from "zod";

/** A whole number from the environment within [min, max], or `fallback` when unset. */
function boundedInteger({ min, max, fallback }: { min: number; max?: number; fallback: number }) {
  const integer = z.coerce.number().int().min(min);
  return (max === undefined ? integer : integer.max(max)).default(fallback);
}

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL");

// The only reader of process.env. Parsed once; a bad value stops the process with a message
// naming the variable, instead of failing later in some request.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: boundedInteger({ min: 0, max: 65535, fallback: 3000 }),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: postgresUrl.optional(),
  /**
   * Read replicas of DATABASE_URL, comma-separated: reads that may be a moment stale (lists,
   * details, exports, stats) go to one of them. Unset: every read goes to the primary.
   */
  DATABASE_READ_URL: z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((url) => url.trim())
        .filter((url) => url !== ""),
    )
    .pipe(z.array(postgresUrl))
    .default([]),
  DATABASE_POOL_SIZE: boundedInteger({ min: 1, max: 200, fallback: 10 }),
  PUBLIC_BASE_URL: z
    .url()
    .transform((value) => value.replace(/\/+$/, ""))
    .optional(),
  /** Behind a reverse proxy / load balancer: take the client address from X-Forwarded-For. */
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((value) => value === "true" || value === "1"),
  DATA_DIR: z.string().min(1).default(".data"),
  MAX_BODY_BYTES: boundedInteger({ min: 1, max: 100 * 1024 * 1024, fallback: 10 * 1024 * 1024 }),
  /** Deliveries older than this are removed by the periodic sweep. */
  RETENTION_DAYS: z.coerce.number().min(0.001).max(3650).default(7),
  /** Each bin keeps at most this many deliveries (enforced by the sweep); the oldest go first. */
  MAX_DELIVERIES_PER_BIN: boundedInteger({ min: 1, max: 1_000_000, fallback: 1000 }),
  /** Capture requests per bin per minute (0 = no limit). */
  RATE_LIMIT_BIN_PER_MINUTE: boundedInteger({ min: 0, fallback: 6000 }),
  /** Capture requests per client IP per minute (0 = no limit). */
  RATE_LIMIT_IP_PER_MINUTE: boundedInteger({ min: 0, fallback: 12000 }),
  /** Bins created through POST /api/bins per client IP per minute (0 = no limit). */
  RATE_LIMIT_CREATE_PER_MINUTE: boundedInteger({ min: 0, fallback: 30 }),
  /** Re-sign requests (POST .../deliveries/<id>/sign) per client IP and per bin per minute (0 = no limit). */
  RATE_LIMIT_SIGN_PER_MINUTE: boundedInteger({ min: 0, fallback: 60 }),
  /** More request headers than this get 431. */
  MAX_HEADER_COUNT: boundedInteger({ min: 10, max: 10_000, fallback: 200 }),
  /** A longer request target (path + query) gets 414. */
  MAX_URL_LENGTH: boundedInteger({ min: 100, max: 65_536, fallback: 8192 }),
  /**
   * Request bodies held in memory at once, over all requests (at least MAX_BODY_BYTES + 1 MiB:
   * one full body in the large-body lane plus a shared zone for everyone else).
   */
  MAX_BUFFERED_BODY_BYTES: boundedInteger({ min: 1024, fallback: 32 * 1024 * 1024 }),
  /** Slow-header (slowloris) cut-off: the request head must arrive within this time. */
  HEADERS_TIMEOUT_MS: boundedInteger({ min: 500, fallback: 20_000 }),
  /** The whole request, body included, must arrive within this time (slow bodies). */
  REQUEST_TIMEOUT_MS: boundedInteger({ min: 1000, fallback: 120_000 }),
  /** How often the retention sweep runs. */
  SWEEP_INTERVAL_MS: boundedInteger({ min: 100, fallback: 10_000 }),
  /** 32 bytes, base64 or hex: encrypts webhook secrets at rest. Unset: generated in DATA_DIR. */
  SECRET_ENCRYPTION_KEY: z
    .string()
    .refine(
      (value) => /^[0-9a-fA-F]{64}$/.test(value) || Buffer.from(value, "base64").length === 32,
      "must be 32 bytes as 64 hex characters or base64",
    )
    .optional(),
  /**
   * Body bytes one client address's uploads still in progress may hold outside the
   * large-body lane (unset: half of what MAX_BUFFERED_BODY_BYTES leaves beside one
   * MAX_BODY_BYTES body), so one address cannot take the memory other senders' bodies need.
   */
  MAX_BUFFERED_BODY_BYTES_PER_CLIENT: z.coerce.number().int().min(1024).optional(),
  /**
   * Floor rate for request bodies: one that arrives slower on average (after the grace
   * period) is cut with 408, so trickling uploads cannot hold connections and memory. 0: off.
   */
  MIN_BODY_BYTES_PER_SECOND: boundedInteger({ min: 0, fallback: 1024 }),
  /**
   * How long a body may arrive before the floor rate is first applied; after that the rate is
   * judged again over each window of this length (a burst then a stall is cut too).
   */
  MIN_BODY_RATE_GRACE_MS: boundedInteger({ min: 100, fallback: 10_000 }),
  /** Open live streams (SSE) one client address may hold on this instance; more get 429. */
  MAX_LIVE_STREAMS_PER_CLIENT: boundedInteger({ min: 1, fallback: 20 }),
  /** Open live streams one bin may have on this instance (a hot bin cannot take them all). */
  MAX_LIVE_STREAMS_PER_BIN: boundedInteger({ min: 1, fallback: 200 }),
  /** Open live streams on this instance in total (each holds a socket and a file descriptor). */
  MAX_LIVE_STREAMS: boundedInteger({ min: 1, fallback: 1000 }),
  /** `forward --respond`: captures one bin may hold open on this instance waiting for the
   * local app's answer; more are answered at once as configured (reason forward_busy). */
  FORWARD_MAX_HELD_PER_BIN: boundedInteger({ min: 1, fallback: 16 }),
  /** Held captures on this instance over all bins (each holds a socket until answered). */
  FORWARD_MAX_HELD: boundedInteger({ min: 1, fallback: 256 }),
  /** The largest body a forwarder may post back as the local app's answer (413 beyond). */
  FORWARD_MAX_ANSWER_BYTES: boundedInteger({
    min: 1024,
    max: 4 * 1024 * 1024,
    fallback: 256 * 1024,
  }),
  /** Exports running at once from one client address (more get 429): each holds a DB page. */
  EXPORT_CONCURRENCY_PER_IP: boundedInteger({ min: 1, fallback: 2 }),
  /** Exports running at once on this instance, over all addresses (more get 429). */
  EXPORT_CONCURRENCY_TOTAL: boundedInteger({ min: 1, fallback: 8 }),
  /** Body bytes an export reads from the database per page (a larger single body is one page). */
  EXPORT_PAGE_BYTES: boundedInteger({ min: 1024, fallback: 1024 * 1024 }),
  /** Body bytes re-judged per batch after a secret change; one batch per instance at a time. */
  SIGNATURE_JUDGE_BATCH_BYTES: boundedInteger({ min: 1024, fallback: 2 * 1024 * 1024 }),
  /** The body= filter looks only at the first this many bytes of each body. */
  BODY_SEARCH_MAX_BYTES: boundedInteger({ min: 1, fallback: 1024 * 1024 }),
  /** A filtered list/export query running longer than this is stopped with 503. */
  SEARCH_STATEMENT_TIMEOUT_MS: boundedInteger({ min: 1, fallback: 5000 }),
  /** Diffs of two deliveries running at once from one client address (more get 429). */
  DIFF_CONCURRENCY_PER_IP: boundedInteger({ min: 1, fallback: 4 }),
  /** Diffs running at once on this instance (each holds two bodies in memory). */
  DIFF_CONCURRENCY_TOTAL: boundedInteger({ min: 1, fallback: 8 }),
  /** Bodies larger than this are compared by size and SHA-256 only (never parsed or line-diffed). */
  DIFF_MAX_BODY_BYTES: boundedInteger({ min: 1, fallback: 1024 * 1024 }),
  /** A bin's own JSON Schema gets this long per body (or compile) on the validator thread. */
  CONFORMANCE_TIMEOUT_MS: boundedInteger({ min: 10, max: 60_000, fallback: 1000 }),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

// The embedded server (DATABASE_URL unset) is started by this process: nothing replicates it.
const checkedEnvSchema = envSchema.refine(
  (env) => env.DATABASE_READ_URL.length === 0 || env.DATABASE_URL !== undefined,
  { path: ["DATABASE_READ_URL"], message: "needs DATABASE_URL (replicas of a primary you run)" },
);

export type Env = z.infer<typeof envSchema>;

let parsed: Env | undefined;

export function getEnv(): Env {
  if (parsed) return parsed;
  const raw = Object.fromEntries(
    Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = checkedEnvSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  parsed = result.data;
  return parsed;
}
