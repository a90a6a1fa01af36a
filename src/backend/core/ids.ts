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

/**
 * mulberry32: a small seeded PRNG for the fault schedule (reproducible test runs). Not for lotteries
 * (those use SHA-256, see domain/youthPalace).
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
