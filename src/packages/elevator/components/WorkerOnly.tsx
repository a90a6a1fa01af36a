import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { useSession } from '../../../stores/session'
import { Page } from '../../../ui/Page'
import { Empty } from '../../../ui/States'

/** Renders its children only for community workers; others are told so and sent home. */
export function WorkerOnly({ children }: PropsWithChildren) {
  const role = useSession((s) => s.me?.role)
  if (role !== 'worker') {
    return <Page><Empty text="这个页面仅供社区工作人员使用。" action="返回首页" onAction={() => Taro.switchTab({ url: '/pages/index/index' })} /></Page>
  }
  return <>{children}</>
}
