import { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { errorMessage } from '../../../api'
import { getOneThingProgress } from '../../../api/endpoints/oneThing'
import type { OneThingProgressDto } from '../../../domain/contracts/oneThing'
import type { LifeEvent } from '../../../domain/oneThing'
import { findLifeEvent } from '../content'
import { fetchToday, saveProgress } from '../lib'

/**
 * The event named by the `event` query parameter, its saved progress on the server, today's date,
 * and `save(answers, ticked)`: updates the screen at once and saves in order (one at a time), keeping
 * the last error for a retry.
 */
export function useEventProgress() {
  const { params } = useRouter()
  const event: LifeEvent | undefined = findLifeEvent(String(params.event ?? ''))
  const [progress, setProgress] = useState<OneThingProgressDto | null>(null)
  const [today, setToday] = useState<string | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [saveError, setSaveError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  const last = useRef<{ answers: Record<string, string>; ticked: string[] } | null>(null)

  const load = async () => {
    if (!event) return
    setLoadError(null)
    try {
      const [p, t] = await Promise.all([getOneThingProgress(event.id), fetchToday()])
      setToday(t)
      setProgress(p)
    } catch (e) {
      setLoadError(errorMessage(e))
    }
  }
  useEffect(() => { load() }, [event?.id])

  const save = (answers: Record<string, string>, ticked: string[]) => {
    if (!event || !progress || !today) return Promise.resolve()
    setProgress({ ...progress, answers, ticked })
    last.current = { answers, ticked }
    setSaving(true)
    setSaveError(null)
    const run = queue.current.then(async () => {
      try {
        const saved = await saveProgress(event, answers, ticked, today)
        if (last.current?.answers === answers && last.current?.ticked === ticked) {
          setProgress(saved)
          setSaving(false)
        }
      } catch (e) {
        setSaveError(`没有保存成功：${errorMessage(e)}`)
        setSaving(false)
      }
    })
    queue.current = run
    return run
  }
  const retry = () => { if (last.current) save(last.current.answers, last.current.ticked) }
  return { event, progress, today, loadError, saveError, saving, load, save, retry }
}
