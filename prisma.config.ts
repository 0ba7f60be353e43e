import { defineConfig } from "prisma/config";

// Only the Prisma CLI reads this file. The app never does: lib/env.ts owns configuration.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/postgres" },
});
