/**
 * Identifiers and tokens for the mocked backend. Not security-grade randomness (WeChat has no
 * WebCrypto); a real backend issues its own.
 */
let counter = 0

/** A short unique id with a prefix, e.g. `msg_lq3x9a_7`. */
export function newId(prefix: string): string {
  counter = (counter + 1) % 1_000_000
  return `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}_${counter.toString(36)}`
}

/** A session token. */
export function newToken(): string {
  return (
    Array.from({ length: 4 }, () => Math.floor(Math.random() * 2 ** 32).toString(36)).join('') + counter.toString(36)
  )
}
