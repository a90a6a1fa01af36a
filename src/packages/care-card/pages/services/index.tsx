import { View } from '@tarojs/components'
import { ApiError } from '@/api'
import { getCareCard, listCareServices } from '@/api/endpoints/care-card'
import type { CareServiceDto, CareServiceKindDto } from '@/domain/care-card/contracts'
import { CARE_SERVICE_KIND_LABELS, CARE_SERVICE_KINDS } from '@/domain/care-card/kinds'
import { formatFen } from '@/domain/shared/money'
import { formatDateCn } from '@/domain/shared/time'
import { Cell } from '@/ui/Cell'
import { Page } from '@/ui/Page'
import { Empty, Loaded, Section } from '@/ui/States'
import { useWho } from '@/packages/care-card/components/useWho'
import { useLoader } from '@/ui/useLoader'
import '@/packages/care-card/feature.css'
import { href, openPage } from '@/ui/nav'

/**
 * Whether the person (or the elder acted for) can book now: `'none'` without a card, the ISO date a
 * scheduled card starts, `'active'`, or `'unknown'` when the card could not be read (the booking page
 * then says why). Errors other than 404 `NO_CARD` are not thrown: the catalogue shows regardless.
 */
async function bookable(): Promise<'none' | 'active' | 'unknown' | { from: string }> {
  try {
    const card = await getCareCard(undefined, 1)
    return card.status === 'scheduled' ? { from: card.activeFrom } : 'active'
  } catch (e) {
    return e instanceof ApiError && e.code === 'NO_CARD' ? 'none' : 'unknown'
  }
}

/**
 * Service catalogue: 助餐/助浴/助洁/助行/助医/助急 with provider and price; tap to book. Says up front when
 * booking is not open yet (no card, or a card that starts later), so nobody picks a service first and
 * learns it at the last step.
 */
export default function Services() {
  const who = useWho()
  const { data, cause, loading, reload } = useLoader(listCareServices)
  const can = useLoader(bookable).data
  const byKind = (k: CareServiceKindDto) => (data ?? []).filter((s: CareServiceDto) => s.kind === k)
  return (
    <Page requireLogin title="预约服务">
      <View className="secondary">为{who.self ? '您' : ` ${who.name} `}预约，费用从爱心卡扣除。</View>
      {can === 'none' && (
        <View className="notice" id="not-bookable">
          {who.self ? '您' : who.name}还没有爱心卡：申请审核通过后，次月 1
          日起才能预约。下面可以先看看有哪些服务和价格。
        </View>
      )}
      {typeof can === 'object' && can && (
        <View className="notice" id="not-bookable">
          爱心卡 {formatDateCn(can.from)} 起生效，生效后才能预约。下面可以先看看有哪些服务和价格。
        </View>
      )}
      <Loaded of={{ data, cause, loading, reload }} />
      {data && data.length === 0 && <Empty text="本社区暂时没有可预约的服务，可拨打 96345 咨询。" />}
      {data &&
        CARE_SERVICE_KINDS.filter((k) => byKind(k).length > 0).map((k) => (
          <Section key={k} title={CARE_SERVICE_KIND_LABELS[k]} id={`kind-${k}`}>
            {byKind(k).map((s) => (
              <Cell
                key={s.id}
                id={`service-${s.id}`}
                title={s.name}
                note={`${s.providerName} · ${s.address}`}
                value={`${formatFen(s.priceFen)}/${s.unit}`}
                onTap={() => openPage(href.careCard.book({ id: s.id }))}
              />
            ))}
          </Section>
        ))}
    </Page>
  )
}
