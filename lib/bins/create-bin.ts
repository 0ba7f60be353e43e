import { randomBytes } from "node:crypto";
import { hashOwnerToken } from "@/lib/bins/hash-owner-token";
import { createRandomToken } from "@/lib/ids/create-random-token";
import { getDb } from "@/lib/db";

export interface CreateBinOptions {
  now?: () => Date;
  random?: (length: number) => Buffer;
}

export interface CreatedBin {
  id: string;
  ownerToken: string;
  createdAt: Date;
}

/**
 * A fresh bin with a 128-bit URL-safe id that never starts with "-" (it is typed into shell
 * commands); only the owner token's hash is stored.
 */
export async function createBin({
  now = () => new Date(),
  random = randomBytes,
}: CreateBinOptions = {}): Promise<CreatedBin> {
  const id = createRandomToken({ random, bytes: 16 });
  const ownerToken = createRandomToken({ random, bytes: 32 });
  const bin = await getDb().bin.create({
    data: { id, ownerTokenHash: hashOwnerToken(ownerToken), createdAt: now() },
  });
  return { id: bin.id, ownerToken, createdAt: bin.createdAt };
}
