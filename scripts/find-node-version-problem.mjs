// `npm start` on a Node.js older than package.json's `engines` would fail deep inside a
// dependency (Prisma 7, or an import Node does not have yet); say so plainly instead.
import semver from "semver";

/** @returns {string | null} what is wrong with `version` for `range`, or null when it fits. */
export function findNodeVersionProblem({ version, range }) {
  return semver.satisfies(version, range)
    ? null
    : `Webhook Echo needs Node.js ${range.replaceAll("||", "or")} (package.json "engines"); this is ${version}.`;
}
