import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { errorMessage, listPendingFamilyLinks, workerConfirmFamilyLink } from '@/api'
import { getWorkerHub } from '@/api/endpoints/worker'
import type { FamilyLinkDto } from '@/domain/shared/contracts'
import { useSession } from '@/stores/session'
import { Button } from '@/ui/Button'
import { Cell } from '@/ui/Cell'
import { Page } from '@/ui/Page'
import { takePhoto } from '@/ui/photo'
import { Empty, Loaded, Section } from '@/ui/States'
import { useLoader } from '@/ui/useLoader'
import { goHome, href, openLink, openPage } from '@/ui/nav'

/** Each feature's worker pages (they live in the feature's subpackage). */
export const WORKER_ENTRIES = [
  { title: '房屋核实（租户、家属）', url: href.account.workerRooms() },
  { title: '爱心卡审核与服务派单', url: href.careCard.worker() },
  { title: '为老人代办与电话预约', url: href.careCard.workerProxy() },
  { title: '青少年宫课程与摇号', url: href.youthPalace.worker() },
  { title: '加装电梯：纸质选票与异议', url: href.elevator.worker() },
  { title: '一件事：窗口预约', url: href.oneThing.worker() },
  { title: '差评回访：窗口预约与课程', url: href.settings.followUps() },
]

/**
 * Worker hub (community workers only): what waits in each service (a count per row, 0 said as 无, each
 * one tap from its page; reloaded on every show), entries into the features' worker pages, and proxy
 * authorisations.
 */
export default function WorkerHub() {
  const me = useSession((s) => s.me)
  const pending = useLoader(async () => (me?.role === 'worker' ? listPendingFamilyLinks() : []))
  const counts = useLoader(async () => (me?.role === 'worker' ? getWorkerHub() : []))

  if (me?.role !== 'worker') {
    return (
      <Page requireLogin>
        <Empty text="社区工作台仅供社区工作人员使用。" action="返回首页" onAction={() => goHome()} />
      </Page>
    )
  }

  const confirm = async (l: FamilyLinkDto) => {
    try {
      const { photoId } = await takePhoto()
      await workerConfirmFamilyLink(l.id, photoId)
      Taro.showToast({ title: '已确认', icon: 'success' })
      pending.reload()
    } catch (e) {
      Taro.showModal({
        title: '没有确认成功',
        content: (e as Error).message && !(e as { status?: number }).status ? (e as Error).message : errorMessage(e),
        showCancel: false,
      })
    }
  }

  return (
    <Page requireLogin title="社区工作台">
      <View className="secondary">
        {me.community.name} · {me.displayName}
      </View>
      <Section title="待处理" id="hub-counts">
        <Loaded of={counts} lines={4}>
          {(list) =>
            list.map((x) => (
              <Cell
                key={x.key}
                id={`count-${x.key}`}
                title={x.label}
                value={x.count ? `${x.count} 件` : '无'}
                onTap={() => openLink(x.url)}
              />
            ))
          }
        </Loaded>
      </Section>
      <Section title="业务">
        {WORKER_ENTRIES.map((e) => (
          <Cell key={e.url} title={e.title} onTap={() => openPage(e.url)} />
        ))}
      </Section>
      <Section title="代办授权核验">
        <Loaded of={pending} empty="没有待核验的代办申请。">
          {(list) =>
            list.map((l) => (
              <View key={l.id} className="cell">
                <View className="cell-main">
                  <View className="cell-title">
                    {l.proxy.name}（{l.relationship}）申请为 {l.principal.name} 代办
                  </View>
                  <Button kind="secondary" onTap={() => confirm(l)}>
                    拍摄签字授权书并确认
                  </Button>
                </View>
              </View>
            ))
          }
        </Loaded>
      </Section>
    </Page>
  )
}
