import type { PropsWithChildren } from 'react'
import { useSession } from '../stores/session'
import { Page } from './Page'
import { Empty } from './States'
import { goHome } from './nav'

/** Renders its children only for community workers; others are told so and offered a way home. */
export function WorkerOnly({ children }: PropsWithChildren) {
  const isWorker = useSession((s) => s.me?.role === 'worker')
  if (!isWorker) {
    return (
      <Page>
        <Empty text="这个页面仅供社区工作人员使用。" action="返回首页" onAction={() => goHome()} />
      </Page>
    )
  }
  return <>{children}</>
}

/** Whether the current user is a worker (a page's loader can skip worker-only calls for others). */
export const isWorkerNow = () => useSession.getState().me?.role === 'worker'
