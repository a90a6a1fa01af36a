import { useSession } from '@/stores/session'

/** Whose data the page shows: the elder when acting for them, else oneself. */
export function useWho(): { name: string; self: boolean } {
  const me = useSession((s) => s.me)
  const actingFor = useSession((s) => s.actingFor)
  return actingFor ? { name: actingFor.name, self: false } : { name: me?.displayName ?? '我', self: true }
}
