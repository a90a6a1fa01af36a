/**
 * ID numbers at rest on the server (PIPL 个人信息保护法 art. 28: an ID number is sensitive personal
 * information; art. 51: encryption and de-identification measures). Each value is sealed with
 * AES-256-GCM under a random 96-bit IV as `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64 parts), and a
 * keyed hash `<hash key id>:<HMAC-SHA-256 of the normalised, upper-case number, hex>` is stored beside
 * it for equality lookups and unique constraints, so the database never needs the number in clear.
 *
 * Key rotation: a key id (8 hex characters derived from the key) travels in every value and hash, so a
 * value opens with any key the server knows (`PII_KEY` and the old keys in `PII_PREVIOUS_KEYS`) and new
 * values are sealed with the current one. A start under keys other than those the data was last sealed
 * under reseals, before serving, each value under an older key and rehashes each hash under an older
 * hash key (`sealPersonalData`). To rotate `PII_KEY`: set the new key, move the old one to
 * `PII_PREVIOUS_KEYS`, restart the servers; once all run the new key, clear `pii_seal_state` and restart
 * one (it reseals what the others wrote under the old key meanwhile), then drop the old key. To rotate
 * `PII_HASH_KEY`: stop every server, set the new key, start them (a server still on the old hash key
 * would miss the rehashed rows).
 * The in-app demo backend keeps ID numbers as they are: it is the phone owner's own data on their phone.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto'
import { normalizeResidentId } from '@/domain/shared/residentId'

/** The keys of personal data: each 32 bytes. */
export interface PiiKeys {
  /** Seals new values (AES-256-GCM). */
  current: Buffer
  /** Open values sealed before a rotation. */
  previous?: readonly Buffer[]
  /** Keys the lookup hashes (HMAC-SHA-256). */
  hashKey: Buffer
}

const FORMAT = 'v1'
const KEY_BYTES = 32
const IV_BYTES = 12

/** The id of a key as written into each value: 8 hex characters of a hash of the key. */
function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('mc-pii-key-id:').update(key).digest('hex').slice(0, 8)
}

/** A value that cannot be opened: not sealed, malformed, under an unknown key, or tampered with. */
export class PiiSealError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PiiSealError'
  }
}

/** Seals, opens and hashes ID numbers with one set of keys (see the file header). */
export class PiiCipher {
  private readonly keys = new Map<string, Buffer>()
  /** The id of the current key (every newly sealed value carries it). */
  readonly currentKeyId: string
  /** The id of the hash key (every hash starts with it and a colon). */
  readonly hashKeyId: string

  /** @throws Error when a key is not 32 bytes long */
  constructor(private readonly config: PiiKeys) {
    for (const k of [config.current, ...(config.previous ?? []), config.hashKey])
      if (k.length !== KEY_BYTES) throw new Error(`a personal-data key must be ${KEY_BYTES} bytes, not ${k.length}`)
    this.currentKeyId = keyIdOf(config.current)
    this.hashKeyId = keyIdOf(config.hashKey)
    for (const k of config.previous ?? []) this.keys.set(keyIdOf(k), k)
    this.keys.set(this.currentKeyId, config.current)
  }

  /** `plain` sealed under the current key: `v1:<key id>:<iv>:<tag>:<ciphertext>`. */
  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES)
    const c = createCipheriv('aes-256-gcm', this.config.current, iv)
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()])
    return [
      FORMAT,
      this.currentKeyId,
      iv.toString('base64'),
      c.getAuthTag().toString('base64'),
      body.toString('base64'),
    ].join(':')
  }

  /** The plain text of a sealed value. @throws PiiSealError when it is not one this server can open */
  open(sealed: string): string {
    const parts = sealed.split(':')
    if (parts.length !== 5 || parts[0] !== FORMAT) throw new PiiSealError('not a sealed value')
    const key = this.keys.get(parts[1])
    if (!key) throw new PiiSealError(`sealed under key ${parts[1]}, which this server does not have`)
    try {
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(parts[2], 'base64'))
      d.setAuthTag(Buffer.from(parts[3], 'base64'))
      return Buffer.concat([d.update(Buffer.from(parts[4], 'base64')), d.final()]).toString('utf8')
    } catch {
      throw new PiiSealError('a sealed value failed its integrity check')
    }
  }

  /**
   * The lookup hash of an ID number: `<hash key id>:` then HMAC-SHA-256 of `normalizeResidentId(plain)`
   * in hex (73 characters in all).
   */
  hash(plain: string): string {
    const mac = createHmac('sha256', this.config.hashKey).update(normalizeResidentId(plain)).digest('hex')
    return `${this.hashKeyId}:${mac}`
  }
}

const demoKey = (purpose: string) => createHash('sha256').update(`现代社区 demo ${purpose} — not a secret`).digest()

/**
 * The demo's fixed keys, derived from constant text: NOT secret, for the demo and the tests only (so a
 * demo's data folder opens again after a restart). Production sets `PII_KEY` and `PII_HASH_KEY`.
 */
export function demoPiiKeys(): PiiKeys {
  return { current: demoKey('PII_KEY'), hashKey: demoKey('PII_HASH_KEY') }
}
