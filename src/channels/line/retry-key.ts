// X-Line-Retry-Key must be a UUID. Deriving it from the webhook event id makes a push for the same event carry
// the same key however often it is attempted, so LINE answers 409 instead of delivering it twice.
import { createHash, randomUUID } from "node:crypto";

export function retryKeyFor(seed: string | undefined): string {
  if (!seed) return randomUUID();
  const hex = createHash("sha256").update(`line-push:${seed}`).digest("hex");
  // Shape it as a version-4, RFC 4122 variant UUID.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
