import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { listCareApplications } from '@/api/endpoints/care-card'
import type { CareApplicationDto } from '@/domain/care-card/contracts'
import { Button } from '@/ui/Button'
import { href, openPage } from '@/ui/nav'

/** Statuses in which a new application would be refused as a duplicate (one card per person). */
const OPEN: CareApplicationDto['status'][] = ['community_review', 'street_review', 'approved']

/**
 * The person's application that is under review or approved, or null (also while loading or when the
 * list could not be loaded: the server still refuses a duplicate). Used to say "already applied"
 * before anyone fills in the form again.
 */
export function useOpenApplication(): CareApplicationDto | null {
  const [open, setOpen] = useState<CareApplicationDto | null>(null)
  useEffect(() => {
    listCareApplications()
      .then((apps) => setOpen(apps.find((a) => OPEN.includes(a.status)) ?? null))
      .catch(() => {})
  }, [])
  return open
}

/** "已经申请过了": the open application's status and a way to its progress, instead of a new form. */
export function OpenApplicationNotice({ app, name }: { app: CareApplicationDto; name: string }) {
  return (
    <View className="notice" id="open-application" role="status">
      <View>
        {name}已经有一份爱心卡申请（{app.statusText}），不需要重复申请。
      </View>
      <Button
        id="open-application-progress"
        kind="secondary"
        onTap={() => openPage(href.careCard.application({ id: app.id }))}
      >
        查看进度
      </Button>
    </View>
  )
}
