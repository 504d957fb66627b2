// Short content digests: what the content store and incremental builds key entries and pages on.
import { createHash } from 'node:crypto';

/** Returns the first 16 hex digits of the SHA-256 of `text` (or of bytes). */
export function digestOf(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
