import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ApiError } from '@/api'
import { createPhoneOrder, getElder, workerCareServices, workerCareSlots } from '@/api/endpoints/worker-proxy'
import type { CareOrderDto } from '@/domain/care-card/contracts'
import { formatFen } from '@/domain/shared/money'
import { beijingDate, formatDateCn } from '@/domain/shared/time'
import { Button } from '@/ui/Button'
import { Field } from '@/ui/Field'
import { Options } from '@/ui/Options'
import { Page } from '@/ui/Page'
import { ErrorNote, Loaded, Section } from '@/ui/States'
import { useLoader } from '@/ui/useLoader'
import { useSubmission } from '@/ui/useSubmission'
import { WorkerOnly, isWorkerNow } from '@/ui/WorkerOnly'
import { Result } from '@/packages/care-card/components/Result'
import { dateTimeCn } from '@/packages/care-card/components/words'
import '@/packages/care-card/feature.css'
import { goBack, href } from '@/ui/nav'

const timeOf = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16)

/**
 * Worker: a booking taken by phone (电话预约 · 96345) for the elder `elder`: service, day and time, the
 * caller's number. The backend books it through the app's own booking path (same card, hold, capacity
 * and rules) and tells the elder and family.
 */
export default function WorkerPhone() {
  const { params } = useRouter()
  const elderId = params.elder ?? ''
  const data = useLoader(async () =>
    isWorkerNow() ? { elder: await getElder(elderId), services: await workerCareServices() } : null,
  )
  const [serviceId, setServiceId] = useState<string | null>(null)
  const slots = useLoader(async () => (serviceId ? workerCareSlots(serviceId) : []), [serviceId])
  const [day, setDay] = useState<string | null>(null)
  const [slotId, setSlotId] = useState<string | null>(null)
  const [callerPhone, setPhone] = useState('')
  const [done, setDone] = useState<CareOrderDto | null>(null)
  const sub = useSubmission()
  const list = slots.data ?? []
  const days = [...new Set(list.map((s) => beijingDate(s.startAt)))]
  const chosen = list.find((s) => s.id === slotId)
  const service = data.data?.services.find((s) => s.id === serviceId)

  const submit = () =>
    sub.submit(
      () => ({
        slot: chosen ? '' : '请选择服务和时间',
        callerPhone: /^\d[\d-]{5,18}\d$/.test(callerPhone.trim()) ? '' : '请填写正确的来电号码（手机或座机）',
      }),
      (key) =>
        createPhoneOrder({ principalId: elderId, slotId: chosen!.id, callerPhone: callerPhone.trim() }, key).catch(
          (e) => {
            if (e instanceof ApiError && (e.code === 'SLOT_FULL' || e.code === 'SLOT_PASSED')) slots.reload()
            throw e
          },
        ),
      setDone,
    )

  if (done) {
    return (
      <Page requireLogin backTo={href.careCard.workerProxy()}>
        <Result
          title="电话预约已录入"
          lines={[
            `${done.holder.name}：${done.service.name}（${done.service.providerName}），${dateTimeCn(done.startAt)}。`,
            `电话预约 · 96345，来电 ${done.callerPhone ?? ''}。已从爱心卡冻结 ${formatFen(done.priceFen)}，已通知老人和家属。`,
          ]}
          actions={[
            { id: 'phone-back', text: '返回', kind: 'primary', onTap: () => goBack(href.careCard.workerProxy()) },
          ]}
        />
      </Page>
    )
  }

  return (
    <WorkerOnly>
      <Page requireLogin title="电话预约" backTo={href.careCard.workerProxy()}>
        <Loaded of={data}>
          {(d) =>
            d && (
              <View>
                <Section title={`为 ${d.elder.name} 录入电话预约`}>
                  <View className="cell-note">
                    渠道：电话预约 · 96345。与小程序预约同样冻结额度、同样的名额和规则。
                  </View>
                  <Options
                    id="phone-service"
                    label="选择服务"
                    value={serviceId}
                    onChange={(id) => {
                      setServiceId(id)
                      setDay(null)
                      setSlotId(null)
                      sub.clearFailure()
                    }}
                    options={d.services.map((s) => ({
                      value: s.id,
                      label: `${s.kindLabel} · ${s.name}`,
                      note: `${s.providerName}，${formatFen(s.priceFen)}/${s.unit}`,
                    }))}
                  />
                  {service && days.length > 0 && (
                    <Options
                      id="phone-day"
                      label="选择日期"
                      value={day}
                      onChange={(v) => {
                        setDay(v)
                        setSlotId(null)
                      }}
                      options={days.map((v) => ({ value: v, label: formatDateCn(v) }))}
                    />
                  )}
                  {day && (
                    <Options
                      id="phone-slot"
                      label="选择时间"
                      value={slotId}
                      onChange={(v) => {
                        setSlotId(v)
                        sub.clearError('slot')
                        sub.clearFailure()
                      }}
                      options={list
                        .filter((s) => beijingDate(s.startAt) === day)
                        .map((s) => ({
                          value: s.id,
                          label: `${timeOf(s.startAt)}（${s.full ? '已约满' : `还剩 ${s.remaining} 个名额`}）`,
                        }))}
                    />
                  )}
                  {sub.errors.slot && <ErrorNote text={sub.errors.slot} />}
                  <Field
                    id="phone-caller"
                    label="来电号码"
                    type="number"
                    maxlength={20}
                    value={callerPhone}
                    error={sub.errors.callerPhone}
                    onInput={(v) => {
                      setPhone(v)
                      sub.clearError('callerPhone')
                    }}
                  />
                  {sub.failure && <ErrorNote text={sub.failure} cause={sub.cause} onRetry={submit} />}
                  <Button id="phone-submit" loading={sub.busy} onTap={submit}>
                    {service ? `录入预约（冻结 ${formatFen(service.priceFen)}）` : '录入预约'}
                  </Button>
                </Section>
              </View>
            )
          }
        </Loaded>
      </Page>
    </WorkerOnly>
  )
}
