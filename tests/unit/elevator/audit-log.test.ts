import {
  appendEntry,
  entryHash,
  canonicalEntry,
  finalBallots,
  verifyChain,
  GENESIS_HASH,
  type AuditEntry,
  type AuditEntryDraft,
} from '@/domain/elevator/auditLog'
import { DomainError } from '@/domain/shared/errors'

const codeOf = (fn: () => unknown) => {
  try {
    fn()
    return 'none'
  } catch (e) {
    return (e as DomainError).code
  }
}

const draft = (
  householdId: string,
  at: string,
  choice: AuditEntryDraft['choice'] = 'agree',
  more: Partial<AuditEntryDraft> = {},
): AuditEntryDraft => ({
  at,
  householdId,
  actor: `owner-${householdId}`,
  channel: 'app',
  choice,
  signatureKind: 'handwritten',
  ...more,
})

/** Five events on three flats of 总浦桥社区 3 幢 2 单元: casts, a change, a worker's paper entry. */
function sampleLog(): AuditEntry[] {
  let log: AuditEntry[] = []
  log = appendEntry(log, draft('301', '2026-03-01T09:00:00+08:00'))
  log = appendEntry(log, draft('401', '2026-03-01T10:00:00+08:00', 'oppose'))
  log = appendEntry(
    log,
    draft('501', '2026-03-02T08:30:00+08:00', 'agree', {
      actor: 'worker-zhang',
      channel: 'paper',
      photoRef: 'photo/501.jpg',
    }),
  )
  log = appendEntry(log, draft('401', '2026-03-05T20:00:00+08:00', 'agree'))
  log = appendEntry(log, draft('301', '2026-03-11T00:00:01+08:00', 'oppose'))
  return log
}

describe('appendEntry', () => {
  it('numbers entries from 1 and chains them from the genesis hash', () => {
    const log = sampleLog()
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5])
    expect(log[0].prevHash).toBe(GENESIS_HASH)
    expect(GENESIS_HASH).toBe('0'.repeat(64))
    expect(log[1].prevHash).toBe(log[0].hash)
    expect(log[0].hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('hashes a documented canonical serialization with a fixed key order', () => {
    const [first] = sampleLog()
    expect(canonicalEntry(first)).toBe(
      '{"v":1,"seq":1,"at":"2026-03-01T09:00:00+08:00","householdId":"301","actor":"owner-301","channel":"app",' +
        '"choice":"agree","signatureKind":"handwritten","photoRef":null,"prevHash":"' +
        GENESIS_HASH +
        '"}',
    )
    expect(entryHash(first)).toBe(first.hash)
  })

  it('never changes the log it is given', () => {
    const log = sampleLog().slice(0, 2)
    const next = appendEntry(log, draft('601', '2026-03-06T09:00:00+08:00'))
    expect([log.length, next.length]).toEqual([2, 3])
    expect(Object.isFrozen(next[2])).toBe(true)
  })

  it.each([
    ['INVALID_ENTRY', draft('', '2026-03-06T09:00:00+08:00')],
    ['INVALID_ENTRY', draft('601', '2026-03-06T09:00:00+08:00', 'agree', { actor: '' })],
    ['INVALID_ENTRY', draft('601', '2026-03-06T09:00:00+08:00', 'agree', { channel: 'sms' as never })],
    ['INVALID_ENTRY', draft('601', '2026-03-06T09:00:00+08:00', 'maybe' as never)],
    ['INVALID_ENTRY', draft('601', '2026-03-06T09:00:00+08:00', 'agree', { seq: 9 })],
    ['INVALID_DATE', draft('601', '2026-03-06 09:00')],
    ['INVALID_DATE', draft('601', '2026-03-06T09:00:00')],
    ['OUT_OF_ORDER', draft('601', '2026-03-01T08:00:00+08:00')],
  ])('refuses a bad entry with %s', (code, bad) => {
    expect(codeOf(() => appendEntry(sampleLog(), bad))).toBe(code)
  })
})

describe('verifyChain: tamper evidence', () => {
  it('accepts an intact log and matching receipts', () => {
    const log = sampleLog()
    expect(verifyChain(log)).toEqual({ ok: true })
    expect(verifyChain([])).toEqual({ ok: true })
    expect(
      verifyChain(
        log,
        log.map(({ seq, hash }) => ({ seq, hash })),
      ),
    ).toEqual({ ok: true })
  })

  it('detects an edited entry (a forged choice)', () => {
    const log = sampleLog()
    log[1] = { ...log[1], choice: 'agree' }
    expect(verifyChain(log)).toEqual({ ok: false, brokenAt: 2, reason: 'edited' })
  })

  it('detects an edited entry whose own hash was recomputed', () => {
    const log = sampleLog()
    const { hash: _old, ...body } = { ...log[1], actor: 'someone-else' }
    log[1] = { ...body, hash: entryHash(body) }
    expect(verifyChain(log)).toEqual({ ok: false, brokenAt: 2, reason: 'edited' })
  })

  it('detects a deleted entry, the first one included', () => {
    const log = sampleLog()
    expect(verifyChain([...log.slice(0, 2), ...log.slice(3)])).toEqual({ ok: false, brokenAt: 3, reason: 'deleted' })
    expect(verifyChain(log.slice(1))).toEqual({ ok: false, brokenAt: 1, reason: 'deleted' })
  })

  it('detects a deleted last entry through the voter’s receipt', () => {
    const log = sampleLog()
    const receipt = { seq: 5, hash: log[4].hash }
    expect(verifyChain(log.slice(0, 4))).toEqual({ ok: true }) // invisible without a receipt
    expect(verifyChain(log.slice(0, 4), [receipt])).toEqual({ ok: false, brokenAt: 5, reason: 'deleted' })
  })

  it('detects reordered entries', () => {
    const log = sampleLog()
    expect(verifyChain([log[0], log[2], log[1], log[3], log[4]])).toEqual({
      ok: false,
      brokenAt: 2,
      reason: 'reordered',
    })
    expect(verifyChain([log[1], log[0], ...log.slice(2)])).toEqual({ ok: false, brokenAt: 1, reason: 'reordered' })
  })

  it('detects a log rebuilt and re-hashed after an edit only through a receipt', () => {
    const log = sampleLog()
    let rebuilt: AuditEntry[] = []
    for (const e of log) rebuilt = appendEntry(rebuilt, { ...e, choice: e.seq === 4 ? 'oppose' : e.choice })
    expect(verifyChain(rebuilt)).toEqual({ ok: true })
    expect(verifyChain(rebuilt, [{ seq: 4, hash: log[3].hash }])).toEqual({
      ok: false,
      brokenAt: 4,
      reason: 'receipt-mismatch',
    })
  })
})

describe('finalBallots', () => {
  it('keeps the latest entry per household at or before the deadline, whatever the channel', () => {
    // The 2026-03-11 change of 301 comes after the 2026-03-10 24:00 deadline: its earlier ballot stands.
    expect(finalBallots(sampleLog(), '2026-03-11T00:00:00+08:00')).toEqual([
      { householdId: '301', choice: 'agree' },
      { householdId: '401', choice: 'agree' },
      { householdId: '501', choice: 'agree' },
    ])
    expect(finalBallots(sampleLog(), '2026-03-11T00:00:01+08:00')[0]).toEqual({ householdId: '301', choice: 'oppose' })
  })

  it('compares instants, not strings, across offsets', () => {
    // 2026-03-01T01:30Z is 09:30 Beijing: after 301 (09:00), before 401 (10:00).
    expect(finalBallots(sampleLog(), '2026-03-01T01:30:00Z')).toEqual([{ householdId: '301', choice: 'agree' }])
  })

  it('refuses to count a tampered log', () => {
    const log = sampleLog()
    log[0] = { ...log[0], choice: 'oppose' }
    expect(codeOf(() => finalBallots(log, '2026-03-11T00:00:00+08:00'))).toBe('TAMPERED_LOG')
  })
})
