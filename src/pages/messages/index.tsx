import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { formatDateCn, beijingDate } from '@/domain/shared/time'
import { useMessages } from '@/stores/messages'
import { Button } from '@/ui/Button'
import { useUnreadBadge } from '@/ui/useUnreadBadge'
import { Page } from '@/ui/Page'
import { partFailureText } from '@/ui/Part'
import { Empty, ErrorNote, Loading } from '@/ui/States'
import { tappable } from '@/ui/tappable'
import { openLink } from '@/ui/nav'

/** Messages (tab): notices, newest first, unread marked in words; opening one marks it read. */
export default function Messages() {
  const { items, status, cause, nextCursor, unread, load, loadMore, loadingMore, moreCause, markRead } = useMessages()
  const [open, setOpen] = useState<string | null>(null)
  useUnreadBadge()
  useDidShow(() => {
    load()
  })
  usePullDownRefresh(() => {
    load().finally(() => Taro.stopPullDownRefresh())
  })

  const toggle = (id: string) => {
    setOpen(open === id ? null : id)
    markRead(id)
  }

  return (
    <Page requireLogin title={`消息${unread > 0 ? `（${unread} 条未读）` : ''}`}>
      {status === 'loading' && items.length === 0 && <Loading />}
      {status === 'error' && <ErrorNote text={partFailureText(cause, '消息')} cause={cause} onRetry={load} />}
      {status === 'ready' && items.length === 0 && <Empty text="还没有消息。办理业务后，进展会在这里通知您。" />}
      {items.length > 0 && (
        <View className="card">
          {items.map((m) => (
            <View
              key={m.id}
              id={`message-${m.id}`}
              className="message-item"
              {...tappable(`${m.read ? '' : '未读，'}${m.title}`, () => toggle(m.id))}
              aria-expanded={open === m.id ? 'true' : 'false'}
            >
              <View className="message-title">
                {!m.read && <View className="tag tag-bad">未读</View>} {m.title}
              </View>
              <View className="cell-note">{formatDateCn(beijingDate(m.createdAt))}</View>
              {open === m.id && <View className="message-body">{m.body}</View>}
              {open === m.id && m.link && (
                <Button kind="secondary" onTap={() => openLink(m.link!)}>
                  去办理
                </Button>
              )}
            </View>
          ))}
        </View>
      )}
      {!!moreCause && <ErrorNote text={partFailureText(moreCause, '更多消息')} cause={moreCause} onRetry={loadMore} />}
      {nextCursor && !moreCause && (
        <Button id="messages-more" kind="secondary" onTap={loadMore} loading={loadingMore}>
          加载更多
        </Button>
      )}
    </Page>
  )
}
