/**
 * SHA-256 for the domain (lottery seeds, commitments, hash-chained logs). WeChat has no WebCrypto, so
 * this uses `@noble/hashes` (pure JS, audited), imported per module to keep the bundle small.
 */
import { sha256 } from '@noble/hashes/sha256'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils'

/**
 * Lower-case hex SHA-256 of the UTF-8 text of `parts` joined with `\n` (so `('a', 'bc')` and
 * `('ab', 'c')` differ). One part hashes exactly that string.
 */
export function sha256Hex(...parts: string[]): string {
  return bytesToHex(sha256(utf8ToBytes(parts.join('\n'))))
}

/** Lower-case hex SHA-256 of raw bytes. */
export function sha256BytesHex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes))
}
