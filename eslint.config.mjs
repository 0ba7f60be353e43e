import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";
import globals from "globals";

// Pure modules (text, ids, signatures, payload, analysis, diff) run in the browser too and carry most unit
// tests: they may not reach the database, the environment or Next.
const pureModuleImports = {
  patterns: [
    {
      group: [
        "@/lib/db",
        "@/lib/get-pg-pool",
        "@/lib/database-url",
        "@/lib/env",
        "@/generated/*",
        "next",
        "next/*",
        "pg",
        "@prisma/*",
      ],
      message: "Pure modules import no database, env or Next.",
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "generated/**",
      "node_modules/**",
      ".data/**",
      "test-results/**",
      "dist/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: [
      "lib/text/**",
      "lib/ids/**",
      "lib/signatures/**",
      "lib/payload/**",
      "lib/analysis/**",
      "lib/diff/**",
      // Run outside the server (the client bundle, the CLI): no database, env or Next either.
      "lib/client/**",
      "lib/cli/**",
    ],
    rules: { "no-restricted-imports": ["error", pureModuleImports] },
  },
  {
    // Wire schemas (one per operation, and the shapes they share) are the single source of the
    // server's answers, the OpenAPI document and the browser's guards: the browser imports them.
    files: [
      "lib/**/*.types.ts",
      "lib/**/*-schema.ts",
      "lib/bins/public-bin.ts",
      "lib/deliveries/delivery-summary.ts",
      "lib/deliveries/delivery-filter.ts",
      "lib/deliveries/parse-json-match.ts",
    ],
    rules: { "no-restricted-imports": ["error", pureModuleImports] },
  },
  {
    // The app layer parses input and calls lib: no Prisma, no process.env.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db", "@/lib/get-pg-pool", "@/generated/*", "pg", "@prisma/*"],
              message: "app/ and components/ call lib/ functions, not the database.",
            },
          ],
        },
      ],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts." },
      ],
    },
  },
  {
    // One way bytes become text (UTF-8, leading BOM kept): lib/text/create-utf8-decoder.ts.
    files: ["app/**", "components/**", "lib/**", "server.ts"],
    ignores: ["lib/text/create-utf8-decoder.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='TextDecoder']",
          message:
            "Decode with decodeUtf8 / createUtf8Decoder (lib/text) so a BOM is kept everywhere.",
        },
      ],
    },
  },
  {
    files: ["**/*.mjs", "**/*.js", "**/*.cjs"],
    languageOptions: { globals: globals.node },
  },
);
