import { useDidShow } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { errorMessage } from '../../../api'

/**
 * Loads data each time the page is shown (so a page re-opened after the clock moved reloads):
 * `{ data, error, loading, reload }`. The previous data stays on screen while reloading.
 */
export function useLoader<T>(load: () => Promise<T>): { data: T | null; error: string | null; loading: boolean; reload: () => Promise<void> } {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const fn = useRef(load)
  fn.current = load
  const reload = useCallback(async () => {
    setLoading(true)
    try {
      setData(await fn.current())
      setError(null)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }, [])
  useDidShow(() => { reload() })
  return { data, error, loading, reload }
}
