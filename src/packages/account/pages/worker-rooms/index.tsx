import { View } from '@tarojs/components'
import { useState } from 'react'
import { listPendingRoomBindings, verifyRoomBinding } from '@/api/endpoints/worker'
import type { WorkerRoomBindingDto } from '@/domain/shared/contracts'
import { formatDateCn } from '@/domain/shared/time'
import { useDraft } from '@/stores/drafts'
import { Button } from '@/ui/Button'
import { Field } from '@/ui/Field'
import { Page } from '@/ui/Page'
import { ErrorNote, Loaded, Section } from '@/ui/States'
import { useLoader } from '@/ui/useLoader'
import { useRowAction } from '@/ui/useRowAction'
import { isWorkerNow, WorkerOnly } from '@/ui/WorkerOnly'

const ROLE_CN = { owner: '业主', tenant: '租户', family: '业主的家属' } as const

/** One binding waiting: what the resident claims beside what the register says, 通过 / 不通过 with a reason. */
function Row({
  b,
  reason,
  setReason,
  rows,
  reload,
  setNote,
}: {
  b: WorkerRoomBindingDto
  reason: string
  setReason: (v: string) => void
  rows: ReturnType<typeof useRowAction>
  reload: () => unknown
  setNote: (v: string) => void
}) {
  const [error, setError] = useState('')
  const failure = rows.failure(b.id)
  // Element ids (the binding id has a colon, which CSS selectors and the harness do not take).
  const sid = b.id.replace(/[^A-Za-z0-9-]/g, '-')
  const decide = (decision: 'approve' | 'reject') => {
    if (decision === 'reject' && !reason.trim()) {
      setError('请填写不通过的原因，居民会看到')
      return
    }
    setError('')
    void rows.run(`${decision}-${b.id}`, (key) => verifyRoomBinding(b.id, { decision, reason: reason.trim() }, key), {
      row: b.id,
      key: `verify-${b.id}`,
      confirm:
        decision === 'approve'
          ? {
              title: '核实通过',
              content: `确认${b.resident.name}是${b.roomLabel}的${ROLE_CN[b.role]}？通过后可以本户居民身份办理事务。`,
              confirmText: '确认通过',
            }
          : { title: '核实不通过', content: `原因“${reason.trim()}”会告诉居民。`, confirmText: '不通过' },
      done: () => {
        setReason('')
        setNote(`${b.roomLabel}：已${decision === 'approve' ? '核实通过' : '核实为不通过'}，已通知居民。`)
      },
      always: reload,
    })
  }
  return (
    <Section title={b.roomLabel} id={`binding-${sid}`}>
      <View className="cell-title">
        {b.resident.name} 申请为 <View className="tag tag-warn">{ROLE_CN[b.role]}</View>
      </View>
      <View className="cell-note">
        {b.resident.phoneMasked ? `手机 ${b.resident.phoneMasked} · ` : ''}
        {b.resident.idNumberMasked ? `身份证 ${b.resident.idNumberMasked} · ` : ''}
        {formatDateCn(b.boundAt.slice(0, 10))}申请
      </View>
      <View className="cell-note">
        房产登记：
        {b.register
          ? `业主 ${b.register.ownerName}（${b.register.ownerIdNumberMasked}），面积 ${b.register.area.toFixed(2)} ㎡`
          : '登记中没有这套房屋'}
      </View>
      <View className="cell-note">
        已核实住户：
        {b.verifiedResidents.length
          ? b.verifiedResidents.map((r) => `${r.name}（${ROLE_CN[r.role]}）`).join('、')
          : '无'}
      </View>
      <Field
        id={`reason-${sid}`}
        label="不通过的原因（通过时不用填）"
        value={reason}
        onInput={(v) => {
          setReason(v)
          setError('')
        }}
        error={error || undefined}
        maxlength={200}
      />
      {failure && <ErrorNote text={failure.text} cause={failure.cause} />}
      <Button id={`approve-${sid}`} loading={rows.busy === `approve-${b.id}`} onTap={() => decide('approve')}>
        通过
      </Button>
      <Button
        id={`reject-${sid}`}
        kind="secondary"
        loading={rows.busy === `reject-${b.id}`}
        onTap={() => decide('reject')}
      >
        不通过
      </Button>
    </Section>
  )
}

function Queue() {
  const list = useLoader(async () => (isWorkerNow() ? listPendingRoomBindings() : []))
  const rows = useRowAction()
  // Reasons typed per binding survive closing the page.
  const draft = useDraft('account/worker-rooms', { reasons: {} as Record<string, string> })
  const [note, setNote] = useState<string | null>(null)
  return (
    <Page requireLogin title="房屋核实">
      <View className="secondary">
        租户和家属绑定的房屋，请对照房产登记和居民提供的租赁合同、亲属证明核实。结果会通知居民。
      </View>
      {note && (
        <View className="secondary" role="status" id="verify-note">
          ✓ {note}
        </View>
      )}
      <Loaded of={list} empty="没有待核实的房屋。">
        {(items) =>
          items.map((b) => (
            <Row
              key={b.id}
              b={b}
              reason={draft.value.reasons[b.id] ?? ''}
              setReason={(v) => draft.update((d) => ({ reasons: { ...d.reasons, [b.id]: v } }))}
              rows={rows}
              reload={list.reload}
              setNote={setNote}
            />
          ))
        }
      </Loaded>
    </Page>
  )
}

/** Worker: tenant and family room bindings of the community waiting for verification, oldest first. */
export default function WorkerRooms() {
  return (
    <WorkerOnly>
      <Queue />
    </WorkerOnly>
  )
}
