import { View } from '@tarojs/components'
import { listCareServices } from '@/api/endpoints/care-card'
import type { CareServiceDto, CareServiceKindDto } from '@/domain/care-card/contracts'
import { CARE_SERVICE_KIND_LABELS, CARE_SERVICE_KINDS } from '@/domain/care-card/kinds'
import { formatFen } from '@/domain/shared/money'
import { Cell } from '@/ui/Cell'
import { Page } from '@/ui/Page'
import { Empty, Loaded, Section } from '@/ui/States'
import { useWho } from '@/packages/care-card/components/useWho'
import { useLoader } from '@/ui/useLoader'
import '@/packages/care-card/feature.css'
import { href, openPage } from '@/ui/nav'

/** Service catalogue: 助餐/助浴/助洁/助行/助医/助急 with provider and price; tap to book. */
export default function Services() {
  const who = useWho()
  const { data, cause, loading, reload } = useLoader(listCareServices)
  const byKind = (k: CareServiceKindDto) => (data ?? []).filter((s: CareServiceDto) => s.kind === k)
  return (
    <Page requireLogin title="预约服务">
      <View className="secondary">为{who.self ? '您' : ` ${who.name} `}预约，费用从爱心卡扣除。</View>
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
