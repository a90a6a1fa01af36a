import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { revokeFamilyLink } from '@/api'
import { createWorkerProxyLink, findElder, getElder, workerProxyLog } from '@/api/endpoints/worker-proxy'
import type { WorkerElderDto } from '@/domain/shared/contracts'
import { parseResidentId } from '@/domain/shared/residentId'
import { addDays, beijingDate, formatDateCn, formatDateTimeCn } from '@/domain/shared/time'
import { useDraft } from '@/stores/drafts'
import { useSession } from '@/stores/session'
import { Button } from '@/ui/Button'
import { Cell } from '@/ui/Cell'
import { DateField } from '@/ui/DateField'
import { Field } from '@/ui/Field'
import { Page } from '@/ui/Page'
import { usePhotoTaker } from '@/ui/photo'
import { serverNow } from '@/ui/serverNow'
import { ErrorNote, Loaded, Section } from '@/ui/States'
import { useLoader } from '@/ui/useLoader'
import { idNumberProblem, useSubmission } from '@/ui/useSubmission'
import { WorkerOnly, isWorkerNow } from '@/ui/WorkerOnly'
import '@/packages/care-card/feature.css'
import { href, openPage } from '@/ui/nav'

/** The longest authorisation the backend takes: 1 year from today. */
const MAX_DAYS = 365

/**
 * Worker: act for an elder of the community (issue 27). Find the elder (name and ID number as on the
 * ID card), record the signed authorisation (photo, scope 爱心卡服务, last day ≤ 1 year), then act for
 * them: the acting-for switch is set to the elder and the care card opens, so its pages work unchanged
 * (each act is marked 由网格员 X 代办 and the elder is told). A booking taken by phone goes to 电话预约.
 * Below: the worker's own 代办 log.
 */
export default function WorkerProxy() {
  const { value: form, update } = useDraft('worker-proxy-find', { name: '', idNumber: '' })
  const [elder, setElder] = useState<WorkerElderDto | null>(null)
  const [today, setToday] = useState(beijingDate(Date.now()))
  useEffect(() => {
    serverNow().then((now) => setToday(beijingDate(now)))
  }, [])
  const [chosenEnd, setEndsOn] = useState<string | null>(null)
  const endsOn = chosenEnd ?? addDays(today, 180)
  const [photoId, setPhotoId] = useState('')
  const photo = usePhotoTaker()
  const find = useSubmission()
  const grant = useSubmission()
  const log = useLoader(async () => (isWorkerNow() ? workerProxyLog() : []))
  const active = elder?.links.find((l) => l.status === 'confirmed' && !l.expired)

  const search = () =>
    find.submit(
      () => ({
        name: form.name.trim().length < 2 ? '请填写老人姓名' : '',
        idNumber: idNumberProblem(parseResidentId, form.idNumber),
      }),
      (key) => findElder({ name: form.name.trim(), idNumber: form.idNumber }, key),
      (found) => {
        setElder(found)
        grant.startOver()
      },
    )
  const takeAuthorisation = async () => {
    try {
      setPhotoId((await photo.take()).photoId)
      grant.clearError('photo')
    } catch (e) {
      grant.setErrors({ photo: (e as Error).message })
    }
  }
  const record = () =>
    elder &&
    grant.submit(
      () => ({ photo: photoId ? '' : '请拍摄老人签字的授权书' }),
      (key) =>
        createWorkerProxyLink(
          { principalId: elder.userId, scope: 'care-card', endsOn, authorizationPhotoId: photoId },
          key,
        ),
      async () => {
        setPhotoId('')
        setElder(await getElder(elder.userId))
        Taro.showToast({ title: '授权已登记', icon: 'success' })
      },
      { fieldNames: { authorizationPhotoId: 'photo' } },
    )
  const revoke = useSubmission()
  /** Ends an authorisation (its worker, or a supervisor): asked first, then the elder's links reloaded. */
  const end = (linkId: string) =>
    elder &&
    revoke.submit(
      () => ({}),
      (key) => revokeFamilyLink(linkId, key),
      async () => {
        if (useSession.getState().actingFor?.userId === elder.userId) useSession.getState().setActingFor(null)
        setElder(await getElder(elder.userId))
      },
      {
        confirm: async () =>
          (
            await Taro.showModal({
              title: '撤销代办授权',
              content: `撤销后不能再为${elder.name}代办，老人和家属会收到通知。`,
              confirmText: '撤销',
              cancelText: '不撤销',
            })
          ).confirm,
      },
    )
  const actFor = (e: WorkerElderDto) => {
    useSession.getState().setActingFor({ userId: e.userId, name: e.name })
    openPage(href.careCard.index())
  }

  return (
    <WorkerOnly>
      <Page requireLogin title="为老人代办">
        <Section title="找到老人">
          <View className="cell-note">按老人身份证填写。老人需已在本小程序实名。</View>
          <Field
            id="proxy-name"
            label="老人姓名"
            value={form.name}
            error={find.errors.name}
            onInput={(name) => {
              update({ name })
              find.clearError('name')
            }}
          />
          <Field
            id="proxy-id"
            type="idcard"
            label="老人身份证号"
            value={form.idNumber}
            error={find.errors.idNumber}
            onInput={(idNumber) => {
              update({ idNumber })
              find.clearError('idNumber')
            }}
          />
          {find.failure && <ErrorNote text={find.failure} cause={find.cause} />}
          <Button id="proxy-find" kind="secondary" loading={find.busy} onTap={search}>
            查找
          </Button>
        </Section>
        {elder && (
          <Section title={`${elder.name}（${elder.age ?? '—'} 岁）`} id="proxy-elder">
            <View className="cell-note">身份证 {elder.idNumberMasked}</View>
            {elder.links.map((l) => (
              <View key={l.id}>
                <View className="cell-note" id={`proxy-link-${l.id}`}>
                  {l.proxy.name}代办 · {l.scopeText} · 到 {l.endsOn ? formatDateCn(l.endsOn) : '—'} ·{' '}
                  {l.status === 'revoked' ? '已撤销' : l.expired ? '已过期' : '有效'}
                </View>
                {l.canRevoke && l.status === 'confirmed' && (
                  <Button kind="danger" id={`proxy-revoke-${l.id}`} loading={revoke.busy} onTap={() => end(l.id)}>
                    撤销这份授权
                  </Button>
                )}
              </View>
            ))}
            {revoke.failure && <ErrorNote text={revoke.failure} cause={revoke.cause} />}
            {active ? (
              <View>
                <Button id="proxy-act" onTap={() => actFor(elder)}>
                  {`为 ${elder.name} 办理爱心卡`}
                </Button>
                <Button
                  id="proxy-phone"
                  kind="secondary"
                  onTap={() => openPage(href.careCard.workerPhone({ elder: elder.userId }))}
                >
                  录入电话预约
                </Button>
              </View>
            ) : (
              <View>
                <View className="cell-note">
                  登记老人签字的代办授权后，才能为老人办理。每次代办都会通知老人和家属，老人、家属或站长可随时撤销。
                </View>
                <Cell id="proxy-scope" title="代办范围" value="爱心卡服务" />
                <DateField
                  id="proxy-ends"
                  label="授权截止日期"
                  value={endsOn}
                  start={today}
                  end={addDays(today, MAX_DAYS)}
                  onChange={(d) => {
                    setEndsOn(d)
                    grant.clearError('endsOn')
                  }}
                >
                  授权到 {formatDateCn(endsOn)}（最长 1 年）
                </DateField>
                {grant.errors.endsOn && <ErrorNote text={grant.errors.endsOn} />}
                <Button id="proxy-photo" kind="secondary" loading={photo.busy} onTap={takeAuthorisation}>
                  {photoId ? '授权书已拍摄，点此重拍' : '拍摄老人签字的授权书'}
                </Button>
                {grant.errors.photo && <ErrorNote text={grant.errors.photo} />}
                {grant.failure && <ErrorNote text={grant.failure} cause={grant.cause} />}
                <Button id="proxy-grant" loading={grant.busy} onTap={record}>
                  登记授权
                </Button>
                <Button
                  id="proxy-phone"
                  kind="secondary"
                  onTap={() => openPage(href.careCard.workerPhone({ elder: elder.userId }))}
                >
                  老人来电预约：录入电话预约
                </Button>
              </View>
            )}
          </Section>
        )}
        <Section title="我的代办记录" id="proxy-log">
          <Loaded of={log} empty="还没有代办记录。">
            {(acts) =>
              acts.map((a) => (
                <View key={a.id} className="cell-note">
                  {formatDateTimeCn(a.at)} · 为 {a.elder.name}：{a.what}
                  {a.channel === 'phone' ? '（电话）' : ''}
                </View>
              ))
            }
          </Loaded>
        </Section>
      </Page>
    </WorkerOnly>
  )
}
