import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { getSingleton } from "@/lib/singleton";

/**
 * The key that encrypts webhook secrets at rest: SECRET_ENCRYPTION_KEY, or (zero-setup default)
 * a key generated once and kept in DATA_DIR, never in the database, so a dump alone is useless.
 */
export function getEncryptionKey(): Buffer {
  return getSingleton("encryptionKey", () => {
    const env = getEnv();
    if (env.SECRET_ENCRYPTION_KEY) {
      const value = env.SECRET_ENCRYPTION_KEY;
      return /^[0-9a-fA-F]{64}$/.test(value)
        ? Buffer.from(value, "hex")
        : Buffer.from(value, "base64");
    }
    const file = path.resolve(env.DATA_DIR, "secret-encryption-key");
    if (existsSync(file)) return Buffer.from(readFileSync(file, "utf8").trim(), "base64");
    mkdirSync(path.dirname(file), { recursive: true });
    const key = randomBytes(32);
    writeFileSync(file, key.toString("base64"), { mode: 0o600, flag: "wx" });
    log(
      "warn",
      `SECRET_ENCRYPTION_KEY not set: generated one in ${file} (set it explicitly when running several instances)`,
    );
    return key;
  });
}
