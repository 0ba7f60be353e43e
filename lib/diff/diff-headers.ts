import type { HeaderChange } from "@/lib/diff/delivery-diff-schema";

/** Values per lower-case name, in order of first appearance; a repeated header keeps each line. */
function groupHeaders(pairs: ReadonlyArray<readonly [string, string]>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [name, value] of pairs) {
    const key = name.toLowerCase();
    const values = groups.get(key);
    if (values) values.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}

const sameValues = (a: string[], b: string[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/**
 * Header changes between two deliveries. Names compare case-insensitively (HTTP says they are
 * the same header) and are reported in lower case. A repeated header is compared as the ordered
 * list of its field lines and reported with one line per value: "a, b" in one line and "a" then
 * "b" on two lines mean the same to most receivers but not to all (Set-Cookie), and a
 * byte-exact tool shows what was sent. Field values cannot contain a line break, so joining
 * with "\n" is unambiguous. Order: the delivery's header order, then headers only `after` has.
 */
export function diffHeaders({
  before,
  after,
}: {
  before: ReadonlyArray<readonly [string, string]>;
  after: ReadonlyArray<readonly [string, string]>;
}): HeaderChange[] {
  const left = groupHeaders(before);
  const right = groupHeaders(after);
  const changes: HeaderChange[] = [];
  for (const [name, values] of left) {
    const other = right.get(name);
    if (!other) changes.push({ name, op: "removed", before: values.join("\n"), after: null });
    else if (!sameValues(values, other)) {
      changes.push({ name, op: "changed", before: values.join("\n"), after: other.join("\n") });
    }
  }
  for (const [name, values] of right) {
    if (!left.has(name))
      changes.push({ name, op: "added", before: null, after: values.join("\n") });
  }
  return changes;
}
