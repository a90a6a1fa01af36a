/**
 * SHA-256 for the domain (lottery seeds, commitments, hash-chained logs). WeChat has no WebCrypto, so
 * this uses `@noble/hashes` (pure JS, audited), imported per module to keep the bundle small.
 */
import { sha256 } from '@noble/hashes/sha256'
import { bytesToHex } from '@noble/hashes/utils'

/**
 * UTF-8 bytes of a string. Not `TextEncoder`: some WeChat engines lack it (noble's `utf8ToBytes`
 * relies on it). Lone surrogates become U+FFFD, as TextEncoder does.
 */
export function utf8Bytes(text: string): Uint8Array {
  const out: number[] = []
  for (const ch of text) {
    let cp = ch.codePointAt(0)!
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd
    if (cp < 0x80) out.push(cp)
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63))
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
  }
  return Uint8Array.from(out)
}

/**
 * Lower-case hex SHA-256 of the UTF-8 text of `parts` joined with `\n` (so `('a', 'bc')` and
 * `('ab', 'c')` differ). One part hashes exactly that string.
 */
export function sha256Hex(...parts: string[]): string {
  return bytesToHex(sha256(utf8Bytes(parts.join('\n'))))
}
