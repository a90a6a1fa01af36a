/**
 * Identifiers and session tokens. Where the runtime has WebCrypto (Node on the server, browsers) they
 * draw on `crypto.getRandomValues`; WeChat's JavaScript engine has none, so the
 * embedded demo backend falls back to `Math.random` (its data never leaves the phone).
 */
import { sha256Hex } from '@/domain/shared/hash'

let counter = 0

interface WebCrypto {
  getRandomValues?<T extends Uint32Array>(array: T): T
}
const webCrypto = (): WebCrypto | undefined => (globalThis as { crypto?: WebCrypto }).crypto

let source: (() => string) | null = null

/**
 * Tests only: take every id and token from `next` (e.g. a counter), so that runs of the same requests
 * on different stores give identical answers; `null` goes back to random ids.
 */
export function useIdSource(next: (() => string) | null): void {
  source = next
}

/**
 * A unique id with a prefix and 32 hex characters, ordered by creation like a UUIDv7: 12 for the
 * wall-clock milliseconds, 4 for a per-process counter, 16 random (WebCrypto, else `Math.random`), e.g.
 * `msg_0193f2a4c1e80001a3c6e0b2a7c3d5f6`. Rows made in one process sort by id in the order they were
 * made, which breaks ties between rows stamped with the same instant.
 */
export function newId(prefix: string): string {
  if (source) return `${prefix}_${source()}`
  counter = (counter + 1) % 0x10000
  const words = new Uint32Array(2)
  const c = webCrypto()
  if (c?.getRandomValues) c.getRandomValues(words)
  else for (let i = 0; i < words.length; i++) words[i] = Math.floor(Math.random() * 2 ** 32)
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0')
  return `${prefix}_${hex(Date.now(), 12)}${hex(counter, 4)}${hex(words[0], 8)}${hex(words[1], 8)}`
}

/**
 * A session token: 32 random bytes as 64 lower-case hex characters, from WebCrypto's
 * `crypto.getRandomValues` (Node on the server, browsers). WeChat's engine has no WebCrypto: there, and
 * only there (the embedded demo backend, whose sessions never leave the phone), it falls back on
 * `randomSecret`'s SHA-256 of `Math.random` draws and the clock.
 */
export function newToken(): string {
  if (source) return source()
  return randomSecret()
}

/**
 * A secret of 256 random bits as 64 lower-case hex characters (e.g. a lottery's commitment secret):
 * WebCrypto's CSPRNG where the runtime has one (the server); on WeChat, SHA-256 of `Math.random` draws
 * and the clock (the embedded demo only).
 */
export function randomSecret(): string {
  if (source) return sha256Hex('secret', source())
  const words = new Uint32Array(8)
  const c = webCrypto()
  if (c?.getRandomValues) {
    c.getRandomValues(words)
    return Array.from(words, (w) => w.toString(16).padStart(8, '0')).join('')
  }
  for (let i = 0; i < words.length; i++) words[i] = Math.floor(Math.random() * 2 ** 32)
  return sha256Hex('mc', String(Date.now()), ...Array.from(words, String))
}
