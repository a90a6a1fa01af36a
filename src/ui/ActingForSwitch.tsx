import { useDidShow } from '@tarojs/taro'
import { principalsOf, useFamily } from '../stores/family'
import { useSession } from '../stores/session'
import { Cell } from './Cell'
import { Section } from './States'

/**
 * The 代办 switch where it is needed (a service page the user may use for a family member): one row
 * per person the user may act for (a confirmed link), and 切换回本人 while acting. Nothing when the
 * user has no confirmed link. `what`: what the page shows of that person, e.g. '爱心卡'.
 * `onSwitched` runs after a switch (the page reloads for the person now chosen).
 */
export function ActingForSwitch({ what, onSwitched }: { what: string; onSwitched: () => void }) {
  const links = useFamily((s) => s.links)
  const actingFor = useSession((s) => s.actingFor)
  // The links as they are now (a family member may have just agreed), each time the page shows: after
  // the page's own login check, so a session that expired is said as such (登录已过期), not skipped.
  useDidShow(() => {
    if (useSession.getState().token) useFamily.getState().load()
  })
  const principals = principalsOf(links)
  if (!principals.length) return null
  const switchTo = (who: { userId: string; name: string } | null) => {
    useSession.getState().setActingFor(who)
    onSwitched()
  }
  return (
    <Section title="为家人代办" id="acting-for-switch">
      {actingFor && (
        <Cell
          id="acting-for-self"
          title="切换回本人"
          note={`现在看到的是${actingFor.name}的${what}`}
          onTap={() => switchTo(null)}
        />
      )}
      {principals
        .filter((l) => l.principal.userId !== actingFor?.userId)
        .map((l) => (
          <Cell
            key={l.id}
            id={`acting-for-${l.principal.userId}`}
            title={`为 ${l.principal.name} 办理`}
            note={`切换后看到的是${l.principal.name}的${what}`}
            value="切换"
            onTap={() => switchTo({ userId: l.principal.userId, name: l.principal.name })}
          />
        ))}
    </Section>
  )
}
