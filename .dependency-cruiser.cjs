// The one written-down direction of the code (ARCHITECTURE.md, "Folders"). Each lib/ folder may
// import only folders LOWER in this list (and itself); nothing in lib/ imports app/,
// components/ or the entry points; no module cycles anywhere. `npm test` runs it (lint:deps).
//
// Bottom first. The first six are pure (no database, env or Next; they run in the browser too,
// ESLint holds that line). "core" is lib/*.ts: env, db, get-pg-pool, database-url, errors, log, singleton, read-clock, read-clock-ms.
const LAYERS = [
  "text", //          bytes -> text (the one UTF-8 decoder)
  "ids", //           bin ids, UUIDv7
  "signatures", //    verifiers, one file per scheme
  "payload", //       body classification, exports
  "analysis", //      CallCov analyses
  "diff", //          comparing two deliveries (headers, JSON, text lines)
  "core", //          lib/*.ts
  "conformance", //   JSON Schema verdicts: the CallCov schema, the validator thread for bins' own
  "secrets",
  "database",
  "rate-limits",
  "http", //          route wrapper, error mapper, origins, client IP, CORS, owner cookie
  "live", //          event bus, per-bin hub, stream slots
  "bins",
  "deliveries", //    reads, exports, the live delivery stream
  "client", //        webhook-echo/client: HTTP only, typed by the wire schemas below it
  "cli", //           the webhook-echo CLI: a client of the API (uses lib/client)
  "cli-download", //  serving the built CLI (dist/cli) to machines without this repo
  "capture",
  "housekeeping",
  "samples",
  "view",
  "openapi",
];

const pathOf = (layer) => (layer === "core" ? "^lib/[^/]+\\.tsx?$" : `^lib/${layer}/`);

const layerRules = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `layer-${layer}`,
  comment: `lib/${layer} sits below ${LAYERS.slice(index + 1).join(", ")}: it may not import them.`,
  severity: "error",
  from: { path: pathOf(layer) },
  to: { path: LAYERS.slice(index + 1).map(pathOf) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "Modules import each other in one direction only.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "lib-not-to-app",
      comment: "lib/ is imported by the app, never the other way round.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: ["^app/", "^components/", "^server\\.ts$", "^proxy\\.ts$", "^scripts/"] },
    },
    {
      name: "lib-folder-unlisted",
      comment: "Every lib/ folder has a place in LAYERS (.dependency-cruiser.cjs).",
      severity: "error",
      from: { path: "^lib/", pathNot: [...LAYERS.map(pathOf)] },
      to: {},
    },
    {
      name: "client-wire-schemas-only",
      comment:
        "The client and the CLI run outside the server (a bundle, a CI job): from the server's folders they take only the pure wire schemas.",
      severity: "error",
      from: { path: "^lib/(client|cli)/" },
      to: {
        path: "^lib/(bins|deliveries|capture|live|http|housekeeping|samples|view|openapi|secrets|database|rate-limits)/",
        pathNot: [
          "\\.types\\.ts$",
          "-schema\\.ts$",
          "^lib/bins/public-bin\\.ts$",
          "^lib/deliveries/delivery-summary\\.ts$",
          "^lib/deliveries/delivery-filter\\.ts$",
          "^lib/deliveries/parse-json-match\\.ts$",
          "^lib/http/build-bin-urls\\.ts$",
        ],
      },
    },
    {
      name: "client-no-core",
      comment: "The client and the CLI never read the server's env, database or logs.",
      severity: "error",
      from: { path: "^lib/(client|cli)/" },
      to: { path: "^lib/[^/]+\\.tsx?$" },
    },
    {
      name: "capture-without-prisma",
      comment:
        "The capture workflow runs on the pg pool (lib/database/capture-statements.ts): nothing it reaches may load Prisma, so a process that only captures never does (ARCHITECTURE.md).",
      severity: "error",
      from: { path: "^lib/capture/handle-capture-request\\.ts$" },
      to: {
        path: [
          "^lib/db\\.ts$",
          "^generated/",
          "^node_modules/@prisma/",
          "^lib/database/evict-prisma-debug-history\\.ts$",
        ],
        reachable: true,
      },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: ["node_modules", "^generated/"] },
    exclude: { path: ["^\\.next/", "^node_modules/"] },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
