import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'
import { errorMessage } from '../api'

/** What `useLoader` gives a page. */
export interface LoaderResult<T> {
  data: T | null
  /** Plain Chinese, ready to show with `ErrorNote`. */
  error: string | null
  /** The value thrown behind `error` (an `ApiError` keeps its status and code), for `ErrorNote cause`. */
  cause: unknown
  loading: boolean
  reload: () => Promise<void>
  /** Replaces the data on screen (e.g. with the answer to the page's own change). */
  set: (value: T) => void
}

/**
 * Loads data each time the page is shown (so a page re-opened after mock time moved, or after a change
 * elsewhere, reloads), always with the latest `load` (no dependency list needed). The previous data
 * stays on screen while reloading; a previous error is cleared, so a retry shows the loading state; an
 * answer that arrives after a newer reload started is ignored. `deps` (optional): values the load depends
 * on, such as a chosen tab; when one changes, it loads again (after the render that changed it, so the
 * load sees the new value).
 */
export function useLoader<T>(load: () => Promise<T>, deps: DependencyList = []): LoaderResult<T> {
  const [data, setData] = useState<T | null>(null)
  const [cause, setCause] = useState<unknown>(null)
  const [loading, setLoading] = useState(true)
  const fn = useRef(load)
  fn.current = load
  const seq = useRef(0)
  const reload = useCallback(async () => {
    const n = ++seq.current
    setLoading(true)
    setCause(null)
    try {
      const value = await fn.current()
      if (n === seq.current) setData(value)
    } catch (e) {
      if (n === seq.current) setCause(e ?? new Error('load failed'))
    } finally {
      if (n === seq.current) setLoading(false)
    }
  }, [])
  useDidShow(() => {
    reload()
  })
  const first = useRef(true)
  useEffect(() => {
    if (first.current) first.current = false
    else reload()
  }, deps) // eslint-disable-line react-hooks/exhaustive-deps -- the caller's own list
  return { data, error: cause ? errorMessage(cause) : null, cause, loading, reload, set: setData }
}
