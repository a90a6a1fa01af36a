/**
 * Lists of values shared by every feature, each spelled once: the role a user holds in a room and the
 * relationships a family proxy may declare. Contract types, the backend's valibot picklists and the pages'
 * choices derive from these arrays.
 */

/** How a user is bound to a room: the registered owner, a tenant, or a member of the owner's family. */
export const ROOM_ROLES = ['owner', 'tenant', 'family'] as const
/** One of `ROOM_ROLES`. */
export type RoomRole = (typeof ROOM_ROLES)[number]

/** Relationships a family proxy declares to the person they act for (代办), in display order. */
export const FAMILY_RELATIONSHIPS = ['子女', '配偶', '父母', '兄弟姐妹', '孙子女', '其他亲属'] as const
