import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { useSession } from '../../../stores/session'
import { Page } from '../../../ui/Page'
import { Empty } from '../../../ui/States'

/** Worker pages: only community workers see them; others get an Empty state with a way home. */
export function WorkerGate({ children }: PropsWithChildren) {
  const isWorker = useSession((s) => s.me?.role === 'worker')
  if (!isWorker) {
    return <Page><Empty text="这个页面仅供社区工作人员使用。" action="返回首页" onAction={() => Taro.switchTab({ url: '/pages/index/index' })} /></Page>
  }
  return <>{children}</>
}

/** Whether the current user is a worker (to skip worker calls for others). */
export const isWorkerNow = () => useSession.getState().me?.role === 'worker'
