import { createHash } from "node:crypto";

/**
 * Name-based UUID, version 5 (RFC 9562 §5.5): SHA-1 of namespace bytes + name, with the
 * version and variant bits set. Written here on node:crypto because importing the uuid package
 * costs ~20 ms of `jcprofile build` start-up; uuid.test.ts checks it against uuid's v5.
 */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replaceAll("-", ""), "hex"))
    .update(name, "utf8")
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
