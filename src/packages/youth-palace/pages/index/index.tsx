import { View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { errorMessage } from '@/api'
import { createYpChild } from '@/api/endpoints/youth-palace'
import { beijingDate, formatDateCn } from '@/domain/shared/time'
import { useDraft } from '@/stores/drafts'
import { Button } from '@/ui/Button'
import { Cell } from '@/ui/Cell'
import { Page } from '@/ui/Page'
import { PhotoError, usePhotoTaker } from '@/ui/photo'
import { Part } from '@/ui/Part'
import { Empty, ErrorNote, Section } from '@/ui/States'
import { useSubmission } from '@/ui/useSubmission'
import { ChildFields, childFormErrors, type ChildForm } from '@/packages/youth-palace/components/ChildFields'
import { termStateCn, termWindowCn } from '@/packages/youth-palace/components/util'
import { currentTerm, useYouthPalace, useYpChildren, useYpTerms } from '@/packages/youth-palace/store'
import '@/packages/youth-palace/feature.css'
import { href, openPage } from '@/ui/nav'

/** 家门口青少年宫: the caller's children (add, edit), the open term, entries to courses and my courses. */
export default function YouthPalaceHome() {
  const upsertChild = useYouthPalace((st) => st.upsertChild)
  const kids = useYpChildren()
  const termList = useYpTerms()
  useDidShow(() => {
    useYouthPalace.getState().load()
  })
  const term = currentTerm(termList.data ?? [])
  const today = beijingDate(Date.now())
  const [adding, setAdding] = useState(false)
  // The proof photo is uploaded when taken; the draft keeps its id.
  const {
    value: form,
    update,
    clear: clearDraft,
  } = useDraft<ChildForm & { proofPhotoId?: string }>('yp-child', { name: '', birthDate: '', hardship: false })
  const photo = form.proofPhotoId
  const camera = usePhotoTaker()
  const [photoFailure, setPhotoFailure] = useState<string | null>(null)
  const [added, setAdded] = useState<string | null>(null)
  const s = useSubmission()

  const submit = () =>
    s.submit(
      () => childFormErrors(form, today),
      (key) =>
        createYpChild(
          {
            name: form.name,
            birthDate: form.birthDate,
            hardship: form.hardship,
            ...(form.hardship && photo ? { hardshipProofPhotoId: photo } : {}),
          },
          key,
        ),
      (child) => {
        upsertChild(child)
        clearDraft()
        setAdding(false)
        setAdded(`已添加 ${child.name}（${child.age} 岁）。现在可以为 ${child.name} 看适合的课程。`)
      },
    )

  const addPhoto = async () => {
    setPhotoFailure(null)
    try {
      update({ proofPhotoId: (await camera.take()).photoId })
    } catch (e) {
      setPhotoFailure(e instanceof PhotoError ? e.message : errorMessage(e))
    }
  }

  return (
    <Page requireLogin title="家门口青少年宫">
      <View className="secondary">
        社区里的低收费兴趣课，适合 3–14 岁的孩子。每个孩子每学期最多报 2 门，时间不能冲突。
      </View>
      <Section title="本学期" id="yp-term">
        <Part of={[termList]} what="本学期的课程安排">
          {() =>
            term ? (
              <View className="yp-block">
                <View className="cell-title">
                  {term.name}（{term.communityName}）
                </View>
                <View className={`tag ${termStateCn(term).tag}`} id="yp-term-state">
                  {termStateCn(term).text}
                </View>
                <View className="yp-line">{termWindowCn(term)}</View>
                <View className="yp-line">
                  上课时间：{formatDateCn(term.startDate)} 至 {formatDateCn(term.endDate)}
                </View>
                {(term.phase === 'open' || term.phase === 'upcoming') && !term.priority && (
                  <View className="yp-line">
                    {term.resident ? '您家上学期缺课 3 次及以上，本学期' : '您在本社区还没有已核实的房屋，'}从{' '}
                    {formatDateCn(term.viewerOpensAt)} 起可以报名。
                  </View>
                )}
                <Button id="go-courses" onTap={() => openPage(href.youthPalace.courses({ termId: term.id }))}>
                  看全部课程
                </Button>
              </View>
            ) : (
              <Empty text="社区还没有发布学期课程，发布后会通知您。" />
            )
          }
        </Part>
      </Section>

      <Section title="我的孩子" id="yp-children">
        {added && (
          <View className="notice" role="status">
            {added}
          </View>
        )}
        <Part of={[kids]} what="孩子的信息">
          {(children) => (
            <>
              {children.length === 0 && <Empty text="还没有添加孩子。请先在下面添加孩子的姓名和出生日期。" />}
              {children.map((c) => (
                <View key={c.id} className="yp-child" id={`child-${c.id}`}>
                  <View className="yp-child-name">
                    {c.name}（{c.age} 岁）
                  </View>
                  <View className="yp-line">出生日期：{formatDateCn(c.birthDate)}</View>
                  {c.hardship && (
                    <View className={`tag ${c.hardshipProof ? 'tag-ok' : 'tag-warn'}`}>
                      {c.hardshipProof ? '困难家庭，学费减半' : '困难家庭：证明待上传，上传后学费减半'}
                    </View>
                  )}
                  <View className="btn-row">
                    {term && (
                      <Button
                        kind="secondary"
                        id={`courses-for-${c.id}`}
                        label={`适合的课程（${c.name}）`}
                        onTap={() => openPage(href.youthPalace.courses({ termId: term.id, childId: c.id }))}
                      >
                        适合的课程
                      </Button>
                    )}
                    <Button
                      kind="secondary"
                      id={`my-courses-${c.id}`}
                      label={`已报的课程（${c.name}）`}
                      onTap={() => openPage(href.youthPalace.myCourses({ childId: c.id }))}
                    >
                      已报的课程
                    </Button>
                    <Button
                      kind="secondary"
                      id={`edit-child-${c.id}`}
                      label={`修改资料（${c.name}）`}
                      onTap={() => openPage(href.youthPalace.child({ id: c.id }))}
                    >
                      修改资料
                    </Button>
                  </View>
                </View>
              ))}
            </>
          )}
        </Part>
      </Section>

      {kids.data !== null && !adding && (
        <Button
          id="add-child"
          kind="secondary"
          onTap={() => {
            setAdding(true)
            setAdded(null)
          }}
        >
          添加孩子
        </Button>
      )}
      {adding && (
        <Section title="添加孩子" id="yp-add-child">
          <View className="cell-note">孩子的信息只用于报名和按年龄推荐课程。</View>
          <ChildFields
            form={form}
            update={update}
            errors={s.errors}
            today={today}
            onPickPhoto={addPhoto}
            photoBusy={camera.busy}
            photoNote={photo ? '已选证明照片，点此更换' : '上传证明照片'}
          />
          {photoFailure && <ErrorNote text={photoFailure} />}
          {s.failure && <ErrorNote text={s.failure} cause={s.cause} onRetry={submit} />}
          <View className="btn-row">
            <Button kind="secondary" onTap={() => setAdding(false)}>
              先不添加
            </Button>
            <Button id="child-submit" onTap={submit} loading={s.busy}>
              保存
            </Button>
          </View>
        </Section>
      )}

      <Section title="常用">
        <Cell
          id="go-my-courses"
          title="我的课程"
          note="报名进度、候补、确认与缴费、签到码"
          onTap={() => openPage(href.youthPalace.myCourses())}
        />
        {term && (
          <Cell
            id="go-all-courses"
            title="全部课程"
            note="按孩子、类别、地点、星期筛选"
            onTap={() => openPage(href.youthPalace.courses({ termId: term.id }))}
          />
        )}
      </Section>
    </Page>
  )
}
