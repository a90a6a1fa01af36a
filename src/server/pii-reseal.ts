/**
 * Sealing ID numbers already in the database (PIPL arts. 28, 51; `pii.ts`). Migration 008 gives the
 * ID-number columns their hash columns, but SQL cannot encrypt, so the server runs this data step right
 * after the migrations, before it serves: every value still in plain text (rows written before 008) is
 * sealed and hashed. It is idempotent and safe when several processes start at once (they take turns
 * on an advisory lock; a row already sealed under the current key is left alone).
 * The same step carries out a key rotation (`pii.ts`): a value sealed under an older key is resealed
 * under the current one, a hash under an older hash key is recomputed.
 * Once done, `pii_seal_state` records the keys everything is under, and a start with the same keys
 * skips the step (no scan of the big tables; `recordSealState`). Delete its row to force a full pass
 * (e.g. after a rolling restart to a new key, for what the servers still on the old key wrote meanwhile).
 * Old row versions in plain text are left in the table files by an UPDATE until vacuumed: after sealing
 * plain text the step runs `VACUUM FULL` on the table (and a CHECKPOINT, where allowed), so the files no
 * longer hold it. Backups taken before the upgrade still do: destroy them after it.
 */
import type { TableSpec } from '../backend/core/data/spec'
import type { SqlConnection, SqlDriver } from './drivers'
import type { PiiCipher } from './pii'
import { hashField } from './sealed-columns'
import { ident, snake } from './sql'

const LOCK_KEY = 727_003 // any constant shared by every process of this app

/** What a sealing pass did: values sealed from plain text, and values resealed (an older key or hash key). */
export interface SealReport {
  sealed: number
  resealed: number
}

/**
 * Seals the plain-text values of every `sealed` field of `specs`, and reseals those under an older key
 * or hashed under an older hash key. Each table in one transaction.
 * @throws PiiSealError when a value is sealed under a key the cipher does not have (nothing of that
 * table is changed)
 */
export async function sealPersonalData(
  driver: SqlDriver,
  specs: readonly TableSpec<never>[],
  cipher: PiiCipher,
): Promise<SealReport> {
  const report: SealReport = { sealed: 0, resealed: 0 }
  const state = await driver.withConnection(
    async (c) => (await c.query(`SELECT key_id, hash_key_id FROM pii_seal_state WHERE id = 'keys'`)).rows[0],
  )
  if (state?.key_id === cipher.currentKeyId && state?.hash_key_id === cipher.hashKeyId) return report
  for (const spec of specs) {
    const fields: readonly string[] = spec.sealed ?? []
    if (!fields.length) continue
    const plainBefore = report.sealed
    await driver.withConnection(async (c) => {
      await c.query('BEGIN')
      try {
        await c.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`)
        const col = (f: string) => ident(snake(f))
        const stale = fields
          .map(
            (f) =>
              `(${col(f)} IS NOT NULL AND (${col(f)} NOT LIKE 'v1:${cipher.currentKeyId}:%' OR ${col(hashField(f))} IS NULL OR ${col(hashField(f))} NOT LIKE '${cipher.hashKeyId}:%'))`,
          )
          .join(' OR ')
        const cols = [...new Set([spec.key as string, ...fields])].map((f) => `${col(f)} AS ${ident(f)}`)
        const { rows } = await c.query(`SELECT ${cols.join(', ')} FROM ${ident(spec.name)} WHERE ${stale}`)
        for (const row of rows) {
          const sets: string[] = []
          const values: unknown[] = []
          for (const f of fields) {
            const raw = row[f]
            if (typeof raw !== 'string') continue
            const plain = raw.startsWith('v1:') ? cipher.open(raw) : raw
            if (plain === raw) report.sealed++
            else report.resealed++
            values.push(cipher.seal(plain), cipher.hash(plain))
            sets.push(`${col(f)} = $${values.length - 1}::text`, `${col(hashField(f))} = $${values.length}::text`)
          }
          if (!sets.length) continue
          values.push(row[spec.key])
          // By the key as stored (a sealed key's stored form is unique: it was the primary key).
          await c.query(
            `UPDATE ${ident(spec.name)} SET ${sets.join(', ')} WHERE ${col(spec.key)} = $${values.length}::text`,
            values,
          )
        }
        await c.query('COMMIT')
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined)
        throw e
      }
    })
    if (report.sealed > plainBefore) await vacuum(driver, spec.name)
  }
  await driver.withConnection((c) => recordSealState(c, cipher))
  return report
}

/** Records that every sealed value and hash is under `cipher`'s current keys (`pii_seal_state`). */
export async function recordSealState(c: SqlConnection, cipher: PiiCipher): Promise<void> {
  await c.query(
    `INSERT INTO pii_seal_state (id, key_id, hash_key_id) VALUES ('keys', $1, $2) ON CONFLICT (id) DO UPDATE SET key_id = EXCLUDED.key_id, hash_key_id = EXCLUDED.hash_key_id`,
    [cipher.currentKeyId, cipher.hashKeyId],
  )
}

/** Rewrites a table's files without the dead row versions that still hold plain text (best effort). */
async function vacuum(driver: SqlDriver, table: string): Promise<void> {
  await driver.withConnection(async (c) => {
    await c.query(`VACUUM FULL ${ident(table)}`).catch(() => undefined)
    await c.query('CHECKPOINT').catch(() => undefined)
  })
}
