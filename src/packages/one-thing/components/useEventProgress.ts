import { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { errorMessage } from '../../../api'
import { getOneThingProgress } from '../../../api/endpoints/oneThing'
import type { OneThingProgressDto } from '../../../domain/contracts/oneThing'
import type { LifeEvent } from '../../../domain/oneThing'
import { useSession } from '../../../stores/session'
import { findLifeEvent } from '../content'
import { fetchToday, saveProgress } from '../lib'

/** Progress of someone not logged in: kept on the screen only (the guides work without an account). */
const localProgress = (eventId: string): OneThingProgressDto => ({ eventId, answers: {}, ticked: [], deadlines: [], version: 0, updatedAt: null, updatedByProxy: false })

/**
 * The event named by the `event` query parameter, its saved progress on the server, today's date,
 * and `save(answers, ticked)`: updates the screen at once and saves in order (one at a time), keeping
 * the last error (and its cause) for a retry. Logged out, the guide still works: progress starts empty
 * and stays on the screen (`guest` is true; nothing is sent).
 */
export function useEventProgress() {
  const { params } = useRouter()
  const event: LifeEvent | undefined = findLifeEvent(String(params.event ?? ''))
  const [progress, setProgress] = useState<OneThingProgressDto | null>(null)
  const [today, setToday] = useState<string | null>(null)
  const [loadCause, setLoadCause] = useState<unknown>(null)
  const [saveCause, setSaveCause] = useState<unknown>(null)
  const guest = !useSession((s) => s.token)
  const [saving, setSaving] = useState(false)
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  const last = useRef<{ answers: Record<string, string>; ticked: string[] } | null>(null)

  const load = async () => {
    if (!event) return
    setLoadCause(null)
    try {
      const [p, t] = await Promise.all([guest ? localProgress(event.id) : getOneThingProgress(event.id), fetchToday()])
      setToday(t)
      setProgress(p)
    } catch (e) {
      setLoadCause(e)
    }
  }
  useEffect(() => { load() }, [event?.id, guest])

  const save = (answers: Record<string, string>, ticked: string[]) => {
    if (!event || !progress || !today) return Promise.resolve()
    setProgress({ ...progress, answers, ticked })
    if (guest) return Promise.resolve()
    last.current = { answers, ticked }
    setSaving(true)
    setSaveCause(null)
    const run = queue.current.then(async () => {
      try {
        const saved = await saveProgress(event, answers, ticked, today)
        if (last.current?.answers === answers && last.current?.ticked === ticked) {
          setProgress(saved)
          setSaving(false)
        }
      } catch (e) {
        setSaveCause(e)
        setSaving(false)
      }
    })
    queue.current = run
    return run
  }
  const retry = () => { if (last.current) save(last.current.answers, last.current.ticked) }
  return {
    event, progress, today, guest, saving, load, save, retry,
    loadError: loadCause ? errorMessage(loadCause) : null, loadCause,
    saveError: saveCause ? `没有保存成功：${errorMessage(saveCause)}` : null, saveCause,
  }
}
