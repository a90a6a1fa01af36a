/** Stored collections of the youthPalace feature (one storage key each). Filled by its issue. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface YouthPalaceCollections {}
