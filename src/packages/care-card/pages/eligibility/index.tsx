import { View } from '@tarojs/components'
import { useState } from 'react'
import { checkCareEligibility } from '@/api/endpoints/care-card'
import type { CareEligibilityDto, CareGroupDto } from '@/domain/care-card/contracts'
import { formatFen } from '@/domain/shared/money'
import { formatDateCn } from '@/domain/shared/time'
import { useDraft } from '@/stores/drafts'
import { useSession } from '@/stores/session'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { ErrorNote, Section } from '@/ui/States'
import { GroupChecks } from '@/packages/care-card/components/GroupChecks'
import { useWho } from '@/packages/care-card/components/useWho'
import { messageOf } from '@/packages/care-card/components/words'
import { OpenApplicationNotice, useOpenApplication } from '@/packages/care-card/components/OpenApplication'
import '@/packages/care-card/feature.css'
import { href, openPage } from '@/ui/nav'

/** Eligibility check: choose registered groups, see the tier and monthly amount or why not. */
export default function Eligibility() {
  const who = useWho()
  const principal = useSession((s) => s.actingFor?.userId ?? s.me?.id ?? 'guest')
  const { value: form, update } = useDraft(`care-card/apply:${principal}`, { groups: [] as CareGroupDto[] })
  const [result, setResult] = useState<CareEligibilityDto | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const openApp = useOpenApplication()

  const check = async () => {
    setBusy(true)
    setError(null)
    try {
      setResult(await checkCareEligibility(form.groups))
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page requireLogin title="是否符合条件">
      <View className="secondary">按{who.self ? '您' : ` ${who.name} `}实名登记的出生日期计算年龄。</View>
      <GroupChecks
        id="groups"
        label="已登记的人群类别（可多选，没有就不选）"
        value={form.groups}
        onChange={(groups) => {
          update({ groups })
          setResult(null)
        }}
      />
      {!!error && <ErrorNote text={messageOf(error)} cause={error} onRetry={check} />}
      <Button id="eligibility-check" onTap={check} loading={busy}>
        查看结果
      </Button>
      {result && (
        <Section title="结果" id="eligibility-result">
          <View className="cell-title">
            <View className={`tag ${result.eligible ? 'tag-ok' : 'tag-bad'}`}>
              {result.eligible ? '符合条件' : '暂不符合'}
            </View>{' '}
            今年 {result.age} 岁
          </View>
          <View className="cell-note">年龄按 {formatDateCn(result.assessedOn)} 计算</View>
          {result.eligible && (
            <View className="cc-hero-amount" id="eligibility-amount">
              每月 {formatFen(result.monthlyCreditFen)}
            </View>
          )}
          {result.tier && <View className="cell-note">档位：{result.tier.label}</View>}
          {result.reasons.map((r) => (
            <View key={r} className="cell-note">
              {r}
            </View>
          ))}
          {openApp && <OpenApplicationNotice app={openApp} name={who.self ? '您' : who.name} />}
          {result.eligible && !openApp && (
            <Button id="eligibility-apply" onTap={() => openPage(href.careCard.apply())}>
              去申请
            </Button>
          )}
        </Section>
      )}
    </Page>
  )
}
