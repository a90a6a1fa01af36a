import { useDidShow } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { errorMessage } from '../api'

/** What `useLoader` gives a page. `error` is plain Chinese, ready to show with `ErrorNote`. */
export interface Loaded<T> { data: T | null; error: string | null; loading: boolean; reload: () => Promise<void> }

/**
 * Loads data each time the page is shown (so a page re-opened after mock time moved, or after a change
 * elsewhere, reloads). The previous data stays on screen while reloading; an answer that arrives after
 * a newer reload started is ignored.
 */
export function useLoader<T>(load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const fn = useRef(load)
  fn.current = load
  const seq = useRef(0)
  const reload = useCallback(async () => {
    const n = ++seq.current
    setLoading(true)
    try {
      const value = await fn.current()
      if (n !== seq.current) return
      setData(value)
      setError(null)
    } catch (e) {
      if (n === seq.current) setError(errorMessage(e))
    } finally {
      if (n === seq.current) setLoading(false)
    }
  }, [])
  useDidShow(() => { reload() })
  return { data, error, loading, reload }
}
