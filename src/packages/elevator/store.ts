/**
 * Ballot receipts kept on this device, per user and petition (zustand persist), so the audit page can
 * ask the backend to verify the log against them (`verifyChain`). A receipt is a log entry's seq and hash.
 */
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { AuditReceipt } from '@/domain/elevator/auditLog'
import { LOGOUT_CAUSES, registerStore } from '@/stores/personal'
import * as v from 'valibot'
import { UNVERSIONED_TO_V1, validEntries, validItems, versioned } from '@/stores/persisted'

export interface HeldReceipt extends AuditReceipt {
  roomName: string
  choice: string
  at: string
}

interface ReceiptState {
  /** userId → petitionId → receipts, oldest first. */
  byUser: Record<string, Record<string, HeldReceipt[]>>
  add(userId: string, petitionId: string, receipts: HeldReceipt[]): void
}

/** Saved receipts, version 1 (= the unversioned shape); a damaged receipt is dropped, the others stay. */
const HeldReceiptV1 = v.object({
  seq: v.number(),
  hash: v.string(),
  roomName: v.string(),
  choice: v.string(),
  at: v.string(),
})
const ReceiptsV1 = v.object({ byUser: validEntries(validEntries(validItems(HeldReceiptV1))) })

export const useReceipts = create<ReceiptState>()(
  persist(
    (set) => ({
      byUser: {},
      add: (userId, petitionId, receipts) =>
        set((s) => {
          const mine = s.byUser[userId] ?? {}
          const held = mine[petitionId] ?? []
          const known = new Set(held.map((r) => r.seq))
          const next = [...held, ...receipts.filter((r) => !known.has(r.seq))].slice(-200)
          return { byUser: { ...s.byUser, [userId]: { ...mine, [petitionId]: next } } }
        }),
    }),
    versioned({
      name: 'mc:elevator-receipts',
      version: 1,
      schema: ReceiptsV1,
      migrations: { 0: UNVERSIONED_TO_V1 },
      partialize: (s) => ({ byUser: s.byUser }),
    }),
  ),
)

// Keyed per user; a ballot's choice is the voter's data: gone on logout (the receipt page says so).
registerStore(useReceipts, { name: 'elevator-receipts', resetOn: LOGOUT_CAUSES, storageKey: 'mc:elevator-receipts' })

const NONE: HeldReceipt[] = []
/** The receipts `userId` holds for `petitionId`. */
export const receiptsOf = (s: ReceiptState, userId: string | undefined, petitionId: string): HeldReceipt[] =>
  (userId && s.byUser[userId]?.[petitionId]) || NONE
