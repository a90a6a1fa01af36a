import { View } from '@tarojs/components'
import { listWorkerCareApplications } from '@/api/endpoints/care-card'
import { formatDateCn } from '@/domain/shared/time'
import { Cell } from '@/ui/Cell'
import { Page } from '@/ui/Page'
import { Empty, Loaded, Section } from '@/ui/States'
import { tappable } from '@/ui/tappable'
import { APP_TAG } from '@/packages/care-card/components/words'
import { useLoader } from '@/ui/useLoader'
import { isWorkerNow, WorkerOnly } from '@/ui/WorkerOnly'
import '@/packages/care-card/feature.css'
import { href, openPage } from '@/ui/nav'

/** Worker home: the review queue (earliest due first, overdue marked in words), links to orders and call-backs. */
export default function WorkerHome() {
  const { data, cause, loading, reload } = useLoader(async () =>
    isWorkerNow() ? listWorkerCareApplications('open') : [],
  )
  return (
    <WorkerOnly>
      <Page requireLogin title="爱心卡 · 工作台">
        <Section title="服务">
          <Cell
            id="go-worker-orders"
            title="服务派单、异议和回访"
            note="待上门的服务标记完成，处理异议和差评回访"
            onTap={() => openPage(href.careCard.workerOrders())}
          />
        </Section>
        <Section title="待审核的申请" id="queue">
          <Loaded of={{ data, cause, loading, reload }} />
          {data && data.length === 0 && <Empty text="没有待审核的爱心卡申请。新的申请会通过“消息”提醒您。" />}
          {data?.map((a) => (
            <View
              key={a.id}
              id={`review-${a.id}`}
              className="cc-item"
              {...tappable(undefined, () => openPage(href.careCard.workerReview({ id: a.id })), 'link')}
            >
              <View className="cell-title">
                {a.applicant.name}（{a.applicantAge} 岁）{' '}
                <View className={`tag ${APP_TAG[a.status]}`}>{a.statusText}</View>
                {a.overdue && <View className="tag tag-bad">已超期</View>}
              </View>
              <View className="cell-note">
                {a.groupLabels.length ? a.groupLabels.join('、') : '按年龄'} · 材料 {a.proofs.length} 张
                {a.proxy ? ` · ${a.proxy.name} 代办` : ''}
              </View>
              {a.dueDate && (
                <View className="cell-note">
                  请在 {formatDateCn(a.dueDate)} 前完成{a.status === 'community_review' ? '社区初审' : '街道审核'} ›
                </View>
              )}
            </View>
          ))}
        </Section>
      </Page>
    </WorkerOnly>
  )
}
