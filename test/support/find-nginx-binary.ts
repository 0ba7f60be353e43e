import { existsSync } from "node:fs";

const CANDIDATES = [
  process.env.NGINX_PATH,
  "/usr/sbin/nginx",
  "/usr/bin/nginx",
  "/usr/local/sbin/nginx",
  "/usr/local/bin/nginx",
];

/** Debian's nginx (`apt-get install -y nginx`, see .ci/run) or NGINX_PATH; null when absent. */
export function findNginxBinary(): string | null {
  return CANDIDATES.find((candidate) => candidate && existsSync(candidate)) ?? null;
}
