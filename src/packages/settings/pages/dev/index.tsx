import { View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { errorMessage, getDevState, resetDemoData, setFaults, setMockTime } from '@/api'
import type { DevStateDto } from '@/domain/shared/contracts'
import { beijingDate, formatDateCn } from '@/domain/shared/time'
import { clearPersonalData } from '@/stores/personal'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { ErrorNote, Loading, Section } from '@/ui/States'
import { SwitchRow } from '@/ui/Switch'
import { href, restartAt } from '@/ui/nav'

/** Dev panel (mock mode only): mock time, fault injection, demo reset. */
export default function Dev() {
  const [state, setState] = useState<DevStateDto | null>(null)
  const [error, setError] = useState<string | null>(null)
  const run = (p: Promise<DevStateDto>) =>
    p.then(
      (s) => {
        setState(s)
        setError(null)
      },
      (e) => setError(errorMessage(e)),
    )
  useLoad(() => {
    run(getDevState())
  })

  if (process.env.TARO_APP_API_BASE)
    return (
      <Page>
        <View className="secondary">连接真实服务时没有演示设置。</View>
      </Page>
    )
  return (
    <Page>
      <View className="page-title" role="heading" aria-level={1}>
        演示设置
      </View>
      {error && <ErrorNote text={error} />}
      {!state && !error && <Loading />}
      {state && (
        <>
          <Section title="模拟时间">
            <View className="cell-title" id="mock-now">
              现在是 {formatDateCn(beijingDate(state.nowIso))} {state.nowIso.slice(11, 16)}
            </View>
            <View className="btn-row">
              <Button id="advance-day" kind="secondary" onTap={() => run(setMockTime({ advanceDays: 1 }))}>
                过一天
              </Button>
              <Button id="advance-month" kind="secondary" onTap={() => run(setMockTime({ advanceMonths: 1 }))}>
                过一个月
              </Button>
            </View>
            <Button kind="secondary" onTap={() => run(setMockTime({ reset: true }))}>
              回到真实时间
            </Button>
          </Section>
          <Section title="网络故障">
            <SwitchRow
              id="faults-switch"
              title="模拟弱网和故障"
              note={`约 ${Math.round(state.faultRate * 100)}% 请求失败，每次延迟 ${state.latencyMs / 1000} 秒`}
              on={state.faultsEnabled}
              onChange={(on) => run(setFaults({ enabled: on }))}
            />
          </Section>
          <Section title="演示数据">
            <Button
              kind="danger"
              id="reset-demo"
              onTap={async () => {
                if (
                  !(
                    await Taro.showModal({
                      title: '重置演示数据',
                      content: '所有申请、投票和消息都会恢复到初始状态，需要重新登录。',
                    })
                  ).confirm
                )
                  return
                await run(resetDemoData())
                // The records everything here referred to are gone: as after a logout.
                clearPersonalData('logout')
                restartAt(href.login())
              }}
            >
              重置演示数据
            </Button>
          </Section>
        </>
      )}
    </Page>
  )
}
