/** The care card's stored data for tests, read through the backend's test helpers (every store). */
import type { Backend } from '@/backend'
import type { CareLedgerRow } from '@/backend/features/care-card/model'
import type { CareEntry } from '@/domain/care-card/ledger'

/** A card's ledger in append order (`seq`), as the domain's entries. */
export async function ledgerOf(backend: Backend, cardId: string): Promise<CareEntry[]> {
  const rows = await backend.inspect<CareLedgerRow>('care_ledger_entries', { cardId })
  return rows
    .sort((a, b) => a.seq - b.seq)
    .map(({ entryId, kind, amountFen, at, year, orderId, month, note }) => ({
      id: entryId,
      kind,
      amountFen,
      at,
      year,
      note,
      ...(orderId ? { orderId } : {}),
      ...(month ? { month } : {}),
    }))
}
