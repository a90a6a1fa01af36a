import { View } from '@tarojs/components'
import { listWorkerElevatorPetitions } from '@/api/endpoints/elevator'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { Empty, Loaded, Section } from '@/ui/States'
import { useLoader } from '@/ui/useLoader'
import { WorkerOnly } from '@/ui/WorkerOnly'
import { STATUS_TAG, dateTimeOf } from '@/packages/elevator/components/words'
import '@/packages/elevator/feature.css'
import { href, openPage } from '@/ui/nav'

function WorkerHome() {
  const { data, cause, loading, reload } = useLoader(listWorkerElevatorPetitions)
  return (
    <Page requireLogin title="加装电梯 · 工作台">
      <View className="secondary">
        录入纸质或上门表决票、记录纸质异议和协商调解。所有录入都会以您的名义记录并通知业主。
      </View>
      <Loaded of={{ data, cause, loading, reload }} />
      {data && data.length === 0 && <Empty text="本社区暂无加装电梯申请。业主发起后会出现在这里。" />}
      {data?.map((p) => (
        <Section key={p.id} title={p.unitLabel} id={`wp-${p.id}`}>
          <View className="ev-row">
            <View className={`tag ${STATUS_TAG[p.status]}`}>{p.statusText}</View>
            <View className="cell-note">表决截止：{dateTimeOf(p.votingDeadline)}</View>
            {p.publicity && <View className="cell-note">书面异议 {p.publicity.objections} 份</View>}
            {p.mediation && <View className="cell-note">异议处理：{p.mediation.stageText}</View>}
          </View>
          {p.status === 'voting' && (
            <Button id={`paper-${p.id}`} onTap={() => openPage(href.elevator.workerPaperBallot({ id: p.id }))}>
              录入纸质 / 上门表决票
            </Button>
          )}
          {p.status !== 'forming' && (
            <Button
              id={`reach-${p.id}`}
              kind="secondary"
              onTap={() => openPage(href.elevator.workerReach({ id: p.id }))}
            >
              告知记录（每户业主都要通知到）
            </Button>
          )}
          {p.status === 'concluded' && (
            <Button id={`stages-${p.id}`} onTap={() => openPage(href.elevator.workerStages({ id: p.id }))}>
              记录工程进度
            </Button>
          )}
          {(p.publicity || p.mediation) && (
            <Button
              id={`objections-${p.id}`}
              kind={p.status === 'voting' ? 'secondary' : 'primary'}
              onTap={() => openPage(href.elevator.workerObjections({ id: p.id }))}
            >
              异议与协商调解
            </Button>
          )}
          <Button id={`detail-${p.id}`} kind="secondary" onTap={() => openPage(href.elevator.petition({ id: p.id }))}>
            查看计票与详情
          </Button>
        </Section>
      ))}
    </Page>
  )
}

/** Worker home of the elevator feature: the community's petitions and what can be done on each. */
export default function Worker() {
  return (
    <WorkerOnly>
      <WorkerHome />
    </WorkerOnly>
  )
}
