import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { errorMessage } from '@/api'
import { deleteYpChild, getYpChild, updateYpChild } from '@/api/endpoints/youth-palace'
import type { YpChildDto, YpChildPatch } from '@/domain/youth-palace/contracts'
import { beijingDate } from '@/domain/shared/time'
import { normalizeChildName } from '@/domain/youth-palace/children'
import { useDraft } from '@/stores/drafts'
import { useRequireLogin } from '@/ui/auth'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { pickPhotoBase64 } from '@/ui/photo'
import { ErrorNote, Loading, Section } from '@/ui/States'
import { useSubmission } from '@/ui/useSubmission'
import { ChildFields, childFormErrors, type ChildForm } from '@/packages/youth-palace/components/ChildFields'
import { useLoaded } from '@/packages/youth-palace/components/util'
import { useYouthPalace } from '@/packages/youth-palace/store'
import '@/packages/youth-palace/feature.css'
import { goBack, href, openPage } from '@/ui/nav'

const back = () => goBack(href.youthPalace.index())

/** The changed fields of the form, as a PATCH body (the birth date only when it may change). */
function patchOf(child: YpChildDto, form: ChildForm, photo: string | null, birthLocked: boolean): YpChildPatch {
  const patch: YpChildPatch = {}
  const name = normalizeChildName(form.name)
  if (name !== child.name) patch.name = name
  if (!birthLocked && form.birthDate !== child.birthDate) patch.birthDate = form.birthDate
  if (form.hardship !== child.hardship) patch.hardship = form.hardship
  if (form.hardship && photo) patch.hardshipProofPhoto = photo
  return patch
}

/** Edits one child (draft kept until saved) and deletes the profile after a confirmation. */
function ChildEditor({
  child,
  onSaved,
  onDeleted,
  onRefresh,
}: {
  child: YpChildDto
  onSaved: (c: YpChildDto) => void
  onDeleted: (name: string) => void
  /** Reloads the child (after a refusal: e.g. an application made meanwhile now locks the profile). */
  onRefresh: () => void
}) {
  const today = beijingDate(Date.now())
  const [form, update, clearDraft, restored] = useDraft<ChildForm>(`yp-child-edit:${child.id}`, {
    name: child.name,
    birthDate: child.birthDate,
    hardship: child.hardship,
  })
  const [showRestored, setShowRestored] = useState(restored)
  const [photo, setPhoto] = useState<string | null>(null)
  const [photoFailure, setPhotoFailure] = useState<string | null>(null)
  const [unchanged, setUnchanged] = useState(false)
  const save = useSubmission()
  const removal = useSubmission()
  const courses = child.activeCourseNames.map((n) => `《${n}》`).join('')
  const locked = child.activeCourseNames.length > 0

  const submit = () => {
    const patch = patchOf(child, form, photo, locked)
    setUnchanged(Object.keys(patch).length === 0)
    if (Object.keys(patch).length === 0) return
    // Only what changed is checked: an unchanged birth date never blocks a new name.
    const check = () => {
      const errors = childFormErrors(form, today)
      return { name: 'name' in patch ? errors.name : '', birthDate: 'birthDate' in patch ? errors.birthDate : '' }
    }
    return save.submit(
      check,
      (key) => updateYpChild(child.id, patch, key),
      (saved) => {
        clearDraft()
        onSaved(saved)
      },
    )
  }

  const remove = async () => {
    const r = await Taro.showModal({
      title: '删除孩子资料',
      content: `删除后${child.name}的资料不能恢复，也不能再用它报名；已结束的报名记录会保留。确定删除吗？`,
      confirmText: '确定删除',
      cancelText: '先不删',
      confirmColor: '#C0392B',
    })
    if (!r.confirm) return
    let deleted = false
    await removal.submit(
      () => ({}),
      (key) => deleteYpChild(child.id, key),
      () => {
        deleted = true
        clearDraft()
        onDeleted(child.name)
      },
    )
    if (!deleted) onRefresh()
  }

  const pickPhoto = async () => {
    setPhotoFailure(null)
    try {
      setPhoto(await pickPhotoBase64())
    } catch (e) {
      setPhotoFailure(errorMessage(e))
    }
  }

  return (
    <View>
      <Section title={`${child.name}的资料`} id="child-edit">
        {showRestored && (
          <View className="notice" role="status">
            已恢复您上次没有保存的修改。
            <Button
              kind="secondary"
              id="child-discard"
              onTap={() => {
                clearDraft()
                setShowRestored(false)
              }}
            >
              不要这些修改
            </Button>
          </View>
        )}
        <ChildFields
          form={form}
          update={(p) => {
            setUnchanged(false)
            update(p)
          }}
          errors={save.errors}
          today={today}
          onPickPhoto={pickPhoto}
          photoNote={
            photo ? '已选新的证明照片，点此更换' : child.hardshipProof ? '证明照片已上传，点此重新上传' : '上传证明照片'
          }
          birthLocked={locked ? '已有报名，暂不能修改' : undefined}
        />
        {locked && (
          <View className="yp-line" id="child-birth-why">
            {child.name}已报名{courses}
            ，出生日期决定能报哪个年龄段的课程，报名期间不能修改。如果填错了，请先在“我的课程”里取消报名再修改，或联系社区核对。
          </View>
        )}
        {photoFailure && <ErrorNote text={photoFailure} />}
        {unchanged && (
          <View className="notice" role="status">
            资料没有改动，不用保存。
          </View>
        )}
        {save.failure && <ErrorNote text={save.failure} cause={save.cause} onRetry={submit} />}
        <Button id="child-save" onTap={submit} loading={save.busy}>
          保存修改
        </Button>
      </Section>

      <Section title="删除资料" id="child-delete-section">
        {locked ? (
          <View>
            <View className="yp-line" id="child-delete-why">
              {child.name}还有{courses}的报名没有结束，资料暂时不能删除。请先在“我的课程”里取消这些报名，再删除资料。
            </View>
            <Button
              kind="secondary"
              id="child-go-courses"
              onTap={() => openPage(href.youthPalace.myCourses({ childId: child.id }))}
            >
              去“我的课程”取消报名
            </Button>
          </View>
        ) : (
          <View>
            <View className="yp-line">不再需要这个孩子的资料时可以删除。删除后不能恢复。</View>
            {removal.failure && <ErrorNote text={removal.failure} />}
            <Button
              kind="danger"
              id="child-delete"
              onTap={remove}
              loading={removal.busy}
            >{`删除${child.name}的资料`}</Button>
          </View>
        )}
      </Section>
    </View>
  )
}

/** 孩子资料: edit a child's name, birth date and hardship proof, or delete the profile (youth palace). */
export default function ChildPage() {
  useRequireLogin()
  const id = useRouter().params.id ?? ''
  const child = useLoaded(() => getYpChild(id))
  const { upsertChild, removeChild } = useYouthPalace()
  const [done, setDone] = useState<{ text: string; deleted: boolean } | null>(null)

  return (
    <Page backTo={href.youthPalace.index()}>
      <View className="page-title" role="heading" aria-level={1}>
        孩子资料
      </View>
      {child.loading && !child.data && <Loading />}
      {child.error && !done && <ErrorNote text={child.error} cause={child.cause} onRetry={child.reload} />}
      {done && (
        <View className="notice" role="status" id="child-result">
          <View>{done.text}</View>
          <Button kind="secondary" id="child-back" onTap={back}>
            返回青少年宫
          </Button>
        </View>
      )}
      {child.data && !done && (
        <ChildEditor
          key={child.data.id}
          child={child.data}
          onRefresh={child.reload}
          onSaved={(c) => {
            upsertChild(c)
            setDone({ text: `已保存${c.name}的资料。适合的课程会按新的资料推荐。`, deleted: false })
          }}
          onDeleted={(name) => {
            removeChild(id)
            setDone({ text: `已删除${name}的资料。以后需要时可以在青少年宫首页重新添加。`, deleted: true })
          }}
        />
      )}
    </Page>
  )
}
