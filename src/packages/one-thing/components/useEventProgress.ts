import { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage } from '@/api'
import { getOneThingProgress } from '@/api/endpoints/one-thing'
import type { OneThingProgressDto } from '@/domain/one-thing/contracts'
import type { LifeEvent } from '@/domain/one-thing/guides'
import { useGuestProgress, type GuestProgress } from '@/stores/oneThingGuest'
import { useSession } from '@/stores/session'
import { findLifeEvent } from '../content'
import { fetchToday, saveProgress } from '../lib'

const EMPTY: GuestProgress = { answers: {}, ticked: [] }

/** A guest's progress in the shape of the server's (never saved: version 0). */
const guestDto = (eventId: string, p: GuestProgress): OneThingProgressDto => ({
  eventId,
  answers: p.answers,
  ticked: p.ticked,
  deadlines: [],
  version: 0,
  updatedAt: null,
  updatedByProxy: false,
})

/** The last save that failed: what it tried to save, and why it failed. */
export interface FailedSave {
  answers: Record<string, string>
  ticked: string[]
  cause: unknown
}

/**
 * The event named by the `event` query parameter and its progress, today's date (the backend's), and
 * `save(answers, ticked)`.
 *
 * Logged in: `progress` is what the screen shows (updated at once on `save`), `saved` what the server
 * last confirmed; saves run in order, one at a time. When the last save fails, `failed` says what it
 * tried and why (`retry()` tries it again) and the ticks on screen go back to the saved ones, so a tick
 * is never shown as done while the server does not have it (answers stay on screen for a retry).
 *
 * Logged out (`guest`), the guide still works: answers and ticks live in the in-memory guest store
 * (stores/oneThingGuest.ts), shared by the pages for as long as the app runs; nothing is sent, and
 * `saved` equals `progress`.
 */
export function useEventProgress() {
  const { params } = useRouter()
  const event: LifeEvent | undefined = findLifeEvent(String(params.event ?? ''))
  const guest = !useSession((s) => s.token)
  const guestProgress = useGuestProgress((s) => (event ? s.byEvent[event.id] : undefined)) ?? EMPTY
  const [remote, setRemote] = useState<OneThingProgressDto | null>(null)
  const [saved, setSaved] = useState<OneThingProgressDto | null>(null)
  const savedRef = useRef<OneThingProgressDto | null>(null)
  const [today, setToday] = useState<string | null>(null)
  const [loadCause, setLoadCause] = useState<unknown>(null)
  const [failed, setFailed] = useState<FailedSave | null>(null)
  const [saving, setSaving] = useState(false)
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  const last = useRef<{ answers: Record<string, string>; ticked: string[] } | null>(null)

  const confirm = useCallback((p: OneThingProgressDto) => {
    savedRef.current = p
    setSaved(p)
  }, [])

  // `event` comes from the static guide list, so it changes only with the route's event id.
  const load = useCallback(async () => {
    if (!event) return
    setLoadCause(null)
    try {
      const [p, t] = await Promise.all([guest ? null : getOneThingProgress(event.id), fetchToday()])
      setToday(t)
      setRemote(p)
      if (p) confirm(p)
    } catch (e) {
      setLoadCause(e)
    }
  }, [event, guest, confirm])
  useEffect(() => {
    setRemote(null)
    setFailed(null)
    load()
  }, [load])

  const progress = !event || !today ? null : guest ? guestDto(event.id, guestProgress) : remote

  const save = (answers: Record<string, string>, ticked: string[]) => {
    if (!event || !progress || !today) return Promise.resolve()
    if (guest) {
      useGuestProgress.getState().save(event.id, { answers, ticked })
      return Promise.resolve()
    }
    setRemote((p) => (p ? { ...p, answers, ticked } : p))
    const attempt = { answers, ticked }
    last.current = attempt
    setSaving(true)
    setFailed(null)
    const run = queue.current.then(async () => {
      try {
        const dto = await saveProgress(event, answers, ticked, today)
        confirm(dto)
        if (last.current === attempt) {
          setRemote(dto)
          setSaving(false)
        }
      } catch (e) {
        // An earlier save that failed is covered by the later one (each sends everything).
        if (last.current !== attempt) return
        setFailed({ ...attempt, cause: e })
        setSaving(false)
        const confirmed = savedRef.current
        if (confirmed) setRemote((p) => (p ? { ...p, ticked: confirmed.ticked } : p))
      }
    })
    queue.current = run
    return run
  }
  const retry = () => {
    if (failed) save(failed.answers, failed.ticked)
  }
  return {
    event,
    progress,
    saved: guest ? progress : saved,
    today,
    guest,
    saving,
    failed,
    load,
    save,
    retry,
    loadError: loadCause ? errorMessage(loadCause) : null,
    loadCause,
    saveError: failed ? `没有保存成功：${errorMessage(failed.cause)}` : null,
    saveCause: failed?.cause ?? null,
  }
}
