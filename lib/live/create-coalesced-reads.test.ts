import { describe, expect, it } from "vitest";
import { createCoalescedReads } from "@/lib/live/create-coalesced-reads";

interface Row {
  id: string;
  bin: string;
}

const table: Row[] = [
  { id: "1", bin: "a" },
  { id: "2", bin: "b" },
  { id: "3", bin: "a" },
  { id: "4", bin: "c" },
];

function setup(maxIds?: number) {
  const statements: string[][] = [];
  let runs: Array<() => void> = [];
  const read = createCoalescedReads<Row>({
    readMany: async (ids) => {
      statements.push([...ids].sort());
      return table.filter((row) => ids.includes(row.id));
    },
    binOf: (row) => row.bin,
    idOf: (row) => row.id,
    maxIds,
    schedule: (run) => runs.push(run),
  });
  const turn = () => {
    const due = runs;
    runs = [];
    due.forEach((run) => run());
  };
  return { read, statements, turn };
}

describe("createCoalescedReads", () => {
  it("serves the requests of one turn with one statement, each its own bin's rows", async () => {
    const { read, statements, turn } = setup();
    const a = read({ binId: "a", ids: ["1", "3"] });
    const b = read({ binId: "b", ids: ["2"] });
    turn();
    expect(await a).toEqual([table[0], table[2]]);
    expect(await b).toEqual([table[1]]);
    expect(statements).toEqual([["1", "2", "3"]]);
  });

  it("never hands a caller a row of another bin, nor one it did not ask for", async () => {
    const { read, turn } = setup();
    // "2" belongs to bin b: a caller that names it under bin a gets nothing for it.
    const a = read({ binId: "a", ids: ["1", "2"] });
    const c = read({ binId: "c", ids: ["4"] });
    turn();
    expect(await a).toEqual([table[0]]);
    expect(await c).toEqual([table[3]]);
  });

  it("splits a large union into statements of at most maxIds", async () => {
    const { read, statements, turn } = setup(2);
    const a = read({ binId: "a", ids: ["1", "3"] });
    const bc = read({ binId: "c", ids: ["4", "2"] });
    turn();
    expect(await a).toEqual([table[0], table[2]]);
    expect(await bc).toEqual([table[3]]);
    // The union is sorted before it is cut, so rows still come oldest first.
    expect(statements).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
  });

  it("fails every request of a failed statement, and the next turn reads again", async () => {
    let fail = true;
    const read = createCoalescedReads<Row>({
      readMany: async (ids) => {
        if (fail) throw new Error("database down");
        return table.filter((row) => ids.includes(row.id));
      },
      binOf: (row) => row.bin,
      idOf: (row) => row.id,
    });
    const failed = [read({ binId: "a", ids: ["1"] }), read({ binId: "b", ids: ["2"] })];
    for (const request of failed) await expect(request).rejects.toThrow("database down");
    fail = false;
    expect(await read({ binId: "b", ids: ["2"] })).toEqual([table[1]]);
  });

  it("answers an empty request at once", async () => {
    const { read, statements } = setup();
    expect(await read({ binId: "a", ids: [] })).toEqual([]);
    expect(statements).toEqual([]);
  });
});
