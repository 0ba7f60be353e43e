import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";

// `prisma migrate diff` cannot run offline, so this proves the hand-written migrations build
// exactly the tables and columns the generated client expects.
const root = path.resolve(import.meta.dirname, "..", "..");
const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
afterAll(() => pool.end());

interface RuntimeField {
  name: string;
  kind: string;
  type: string;
  dbName?: string;
}

async function readRuntimeDataModel() {
  const source = await readFile(
    path.join(root, "generated", "prisma", "internal", "class.ts"),
    "utf8",
  );
  const match = /config\.runtimeDataModel = JSON\.parse\((".*")\)/.exec(source);
  if (!match?.[1]) throw new Error("runtimeDataModel not found in the generated client");
  return JSON.parse(JSON.parse(match[1])) as {
    models: Record<string, { dbName: string | null; fields: RuntimeField[] }>;
  };
}

async function readOptionalFields(): Promise<Set<string>> {
  const schema = await readFile(path.join(root, "prisma", "schema.prisma"), "utf8");
  const optional = new Set<string>();
  let model = "";
  for (const line of schema.split("\n")) {
    const header = /^model (\w+) \{/.exec(line);
    if (header?.[1]) model = header[1];
    const field = /^\s+(\w+)\s+(\w+)\?/.exec(line);
    if (model && field?.[1]) optional.add(`${model}.${field[1]}`);
  }
  return optional;
}

const postgresTypes: Record<string, string[]> = {
  String: ["text", "character varying", "character", "uuid"],
  Int: ["integer"],
  BigInt: ["bigint"],
  Boolean: ["boolean"],
  DateTime: ["timestamp with time zone"],
  Json: ["jsonb"],
  Bytes: ["bytea"],
};

describe("the migrated database matches schema.prisma", async () => {
  const dataModel = await readRuntimeDataModel();
  const optional = await readOptionalFields();

  it.each(Object.entries(dataModel.models))("model %s", async (modelName, model) => {
    const table = model.dbName ?? modelName;
    const { rows } = await pool.query<{
      column_name: string;
      data_type: string;
      is_nullable: string;
    }>(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
      [table],
    );
    expect(rows.length, `table ${table} exists`).toBeGreaterThan(0);
    const columns = new Map(rows.map((row) => [row.column_name, row]));
    const scalars = model.fields.filter((field) => field.kind === "scalar");
    for (const field of scalars) {
      const column = columns.get(field.dbName ?? field.name);
      expect(column, `${table}.${field.dbName ?? field.name}`).toBeDefined();
      expect(postgresTypes[field.type], `${modelName}.${field.name} type`).toContain(
        column!.data_type,
      );
      expect(column!.is_nullable === "YES", `${modelName}.${field.name} nullability`).toBe(
        optional.has(`${modelName}.${field.name}`),
      );
    }
    expect([...columns.keys()].sort()).toEqual(scalars.map((f) => f.dbName ?? f.name).sort());
  });
});
