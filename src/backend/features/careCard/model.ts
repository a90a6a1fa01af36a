/** Stored collections of the careCard feature (one storage key each). Filled by its issue. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface CareCardCollections {}
