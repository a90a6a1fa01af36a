import { Page } from '@/ui/Page'
import { Empty } from '@/ui/States'

/** 一件事 worker page: appointments are managed by the service halls (no worker endpoint in the backend). */
export default function Worker() {
  return (
    <Page title="一件事 · 窗口预约">
      <Empty text="窗口预约由服务大厅管理。居民的预约信息由各服务大厅窗口查看和接待，社区这里不用处理。" />
    </Page>
  )
}
