// `npm start` on a Node.js older than package.json's `engines` would fail deep inside a
// dependency (Prisma 7, or an import Node does not have yet); say so plainly instead.
// Understands the forms `engines.node` uses here: alternatives joined by `||`, each `^X.Y[.Z]`
// (that major, at least that version) or `>=X[.Y[.Z]]`.

const parse = (text) => text.split(".").map((part) => Number(part));

const atLeast = (version, floor) => {
  for (let i = 0; i < 3; i++) {
    const a = version[i] ?? 0;
    const b = floor[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
};

/** @returns {string | null} what is wrong with `version` for `range`, or null when it fits. */
export function findNodeVersionProblem({ version, range }) {
  const current = parse(version.replace(/^v/, ""));
  const fits = range.split("||").some((alternative) => {
    const spec = alternative.trim();
    if (spec.startsWith("^")) {
      const floor = parse(spec.slice(1));
      return current[0] === floor[0] && atLeast(current, floor);
    }
    if (spec.startsWith(">=")) return atLeast(current, parse(spec.slice(2)));
    throw new Error(`engines.node: cannot read "${spec}"`);
  });
  return fits
    ? null
    : `Webhook Echo needs Node.js ${range.replaceAll("||", "or")} (package.json "engines"); this is ${version}.`;
}
