/**
 * Identifiers and session tokens. Where the runtime has WebCrypto (Node on the server, browsers) they
 * come from `crypto.randomUUID` / `crypto.getRandomValues`; WeChat's JavaScript engine has none, so the
 * embedded demo backend falls back to `Math.random` (its data never leaves the phone).
 */
let counter = 0

interface WebCrypto {
  randomUUID?(): string
  getRandomValues?<T extends Uint32Array>(array: T): T
}
const webCrypto = (): WebCrypto | undefined => (globalThis as { crypto?: WebCrypto }).crypto

/** A unique id with a prefix, e.g. `msg_1f0c6a2e9d4b4c1e8e0b2a7c3d5f6e7a`. */
export function newId(prefix: string): string {
  const uuid = webCrypto()?.randomUUID?.()
  if (uuid) return `${prefix}_${uuid.replace(/-/g, '')}`
  counter = (counter + 1) % 1_000_000
  return `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}_${counter.toString(36)}`
}

/** A session token: 128 random bits (WebCrypto where there is one). */
export function newToken(): string {
  const words = new Uint32Array(4)
  const c = webCrypto()
  if (c?.getRandomValues) c.getRandomValues(words)
  else for (let i = 0; i < words.length; i++) words[i] = Math.floor(Math.random() * 2 ** 32)
  return Array.from(words, (w) => w.toString(16).padStart(8, '0')).join('')
}
