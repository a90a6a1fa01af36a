/** @jest-environment node */
import { TRANSPORTS, type Client } from '../client'

const YUE = 'ypk-chen-yue'

describe.each(TRANSPORTS)('youth palace: children profiles (%s)', (_name, make) => {
  let c: Client
  let chen: string
  const add = (body: Record<string, unknown>) => c.call('POST', '/api/youth-palace/children', { token: chen, body })
  const patch = (id: string, body: Record<string, unknown>) =>
    c.call('PATCH', `/api/youth-palace/children/${id}`, { token: chen, body })
  const remove = (id: string) => c.call('DELETE', `/api/youth-palace/children/${id}`, { token: chen })
  const names = async () =>
    (await c.call('GET', '/api/youth-palace/children', { token: chen })).body.map((k: { name: string }) => k.name)
  beforeEach(async () => {
    c = await make()
    chen = await c.login('u-chen')
    await c.call('POST', '/api/me/privacy', { token: chen, body: { accepted: true } })
  })
  afterEach(() => c.close())

  it('names: Chinese or Latin letters, 1–20 characters; emoji, digits and symbols are refused in words', async () => {
    for (const [name, why] of [
      ['陈乐😀', '表情符号'],
      ['👍', '表情符号'],
      ['陈乐2', '数字'],
      ['陈乐!', '汉字或英文字母'],
      ['', '请填写孩子的姓名'],
      ['陈'.repeat(21), '最多 20 个字'],
    ]) {
      const r = await add({ name, birthDate: '2019-05-01' })
      expect({ name, status: r.status, code: r.body.code }).toEqual({ name, status: 400, code: 'INVALID_INPUT' })
      expect(r.body.fields.name).toContain(why)
    }
    expect(await names()).toEqual(['陈悦', '陈乐'])
    expect((await add({ name: '乐', birthDate: '2019-05-01' })).body.name).toBe('乐')
    expect((await add({ name: ' Anna  Chen ', birthDate: '2018-05-01' })).body.name).toBe('Anna Chen')
    expect((await add({ name: '阿依古丽 • 买买提', birthDate: '2017-05-01' })).body.name).toBe('阿依古丽·买买提')
    expect((await add({ name: '陈'.repeat(20), birthDate: '2016-05-01' })).status).toBe(200)
  })

  it('birth dates: not in the future, the child aged 2–14 today (the palace serves 3–14)', async () => {
    // Today is 2026-03-02 (Beijing).
    const refused = async (birthDate: string) => {
      const r = await add({ name: '陈小宝', birthDate })
      expect({ birthDate, status: r.status, code: r.body.code }).toEqual({
        birthDate,
        status: 422,
        code: 'INVALID_BIRTH_DATE',
      })
      return r.body.message as string
    }
    expect(await refused('2026-03-03')).toBe('出生日期不能晚于今天，请核对')
    expect(await refused('2011-03-02')).toContain('面向 3–14 岁的孩子，按这个出生日期孩子已经 15 岁了')
    expect(await refused('2024-03-03')).toContain('孩子满 2 岁后就可以先添加')
    expect((await add({ name: '陈大宝', birthDate: '2011-03-03' })).body.age).toBe(14)
    expect((await add({ name: '陈小宝', birthDate: '2024-03-02' })).body.age).toBe(2)
    expect((await add({ name: '陈二宝', birthDate: '2019-02-30' })).body.fields.birthDate).toContain('格式不正确')
  })

  it('edit: rename, change the birth date, hardship proof; a duplicate is refused', async () => {
    const made = await add({
      name: '陈小宝',
      birthDate: '2019-05-01',
      hardship: true,
      hardshipProofPhoto: 'aGVsbG8gd29ybGQ=',
    })
    expect(made.body).toMatchObject({
      name: '陈小宝',
      age: 6,
      hardship: true,
      hardshipProof: true,
      activeCourseNames: [],
    })
    expect(await c.backend.run((tx) => tx.core.images.get(made.body.hardshipProofImageId))).toBe('aGVsbG8gd29ybGQ=')
    expect((await add({ name: '陈小宝', birthDate: '2019-05-01' })).body.code).toBe('CHILD_EXISTS')
    const edited = await patch(made.body.id, { name: '陈宝儿', birthDate: '2018-05-01', removeHardshipProof: true })
    expect(edited.body).toMatchObject({ name: '陈宝儿', birthDate: '2018-05-01', age: 7, hardshipProof: false })
    expect((await c.call('GET', `/api/youth-palace/children/${made.body.id}`, { token: chen })).body.name).toBe(
      '陈宝儿',
    )
    const twin = await patch(made.body.id, {
      name: '陈悦',
      birthDate: (await c.backend.inspect('yp_children', { id: YUE }))[0].birthDate,
    })
    expect(twin).toMatchObject({ status: 409, body: { code: 'CHILD_EXISTS' } })
    expect((await patch(made.body.id, { name: '陈宝儿😀' })).body.fields.name).toContain('表情符号')
    expect((await patch(made.body.id, { birthDate: '2030-01-01' })).body.code).toBe('INVALID_BIRTH_DATE')
    expect((await c.backend.inspect('yp_children', { id: made.body.id }))[0]).toMatchObject({
      name: '陈宝儿',
      birthDate: '2018-05-01',
    })
  })

  it('a child with a running application keeps the birth date and cannot be deleted until it is cancelled', async () => {
    const e = await c.call('POST', '/api/youth-palace/applications', {
      token: chen,
      body: { childId: YUE, courseId: 'ypc-calligraphy' },
    })
    expect(e.body.status).toBe('confirmed')
    expect((await c.call('GET', `/api/youth-palace/children/${YUE}`, { token: chen })).body.activeCourseNames).toEqual([
      '书法',
    ])
    const locked = await patch(YUE, { birthDate: '2016-01-01' })
    expect(locked).toMatchObject({ status: 409, body: { code: 'CHILD_HAS_ENROLLMENTS' } })
    expect(locked.body.message).toContain('陈悦已报名《书法》')
    expect(locked.body.message).toContain('请先在“我的课程”里取消报名再修改')
    expect((await patch(YUE, { name: '陈悦悦' })).body.name).toBe('陈悦悦')
    const refused = await remove(YUE)
    expect(refused).toMatchObject({ status: 409, body: { code: 'CHILD_HAS_ENROLLMENTS' } })
    expect(refused.body.message).toBe(
      '陈悦悦还有《书法》的报名没有结束，资料暂时不能删除。请先在“我的课程”里取消这些报名，再删除资料',
    )
    expect(await names()).toEqual(['陈悦悦', '陈乐'])

    await c.call('POST', `/api/youth-palace/enrollments/${e.body.id}/cancel`, { token: chen })
    expect((await c.call('GET', `/api/youth-palace/children/${YUE}`, { token: chen })).body.activeCourseNames).toEqual(
      [],
    )
    expect((await patch(YUE, { birthDate: '2016-01-01' })).body.age).toBe(10)
    expect((await remove(YUE)).body).toEqual({ ok: true })
    expect((await c.call('GET', `/api/youth-palace/children/${YUE}`, { token: chen })).status).toBe(404)
    expect((await patch(YUE, { name: '陈悦' })).status).toBe(404)
    expect(await names()).toEqual(['陈乐'])
    // The finished enrollment stays in the record; the child can no longer apply.
    expect(
      (await c.call('GET', '/api/youth-palace/enrollments', { token: chen })).body.map(
        (x: { status: string }) => x.status,
      ),
    ).toEqual(['cancelled'])
    expect(
      (
        await c.call('POST', '/api/youth-palace/applications', {
          token: chen,
          body: { childId: YUE, courseId: 'ypc-go' },
        })
      ).status,
    ).toBe(404)
  })

  it('a replaced or removed proof photo is deleted, not left behind', async () => {
    const image = (id: string) => c.backend.run((tx) => tx.core.images.get(id))
    const made = (
      await add({ name: '陈小宝', birthDate: '2019-05-01', hardship: true, hardshipProofPhoto: 'aGVsbG8gd29ybGQ=' })
    ).body
    const replaced = (await patch(made.id, { hardshipProofPhoto: 'bmV3IHBob3Rv' })).body
    expect(await image(made.hardshipProofImageId)).toBeNull()
    expect(await image(replaced.hardshipProofImageId)).toBe('bmV3IHBob3Rv')
    expect((await remove(made.id)).body).toEqual({ ok: true })
    expect(await image(replaced.hardshipProofImageId)).toBeNull()
  })

  it('deleting the account withdraws the applications and erases the children with their proof photos', async () => {
    const made = (
      await add({ name: '陈小明', birthDate: '2017-09-01', hardship: true, hardshipProofPhoto: 'aGVsbG8gd29ybGQ=' })
    ).body
    await c.call('POST', '/api/youth-palace/applications', {
      token: chen,
      body: { childId: YUE, courseId: 'ypc-calligraphy' },
    })
    const gone = await c.call('DELETE', '/api/me', { token: chen })
    expect(gone.body.released).toEqual(['《书法》的报名已取消'])
    expect(await c.backend.inspect('yp_children', { parentId: 'u-chen' })).toEqual([])
    expect(await c.backend.run((tx) => tx.core.images.get(made.hardshipProofImageId))).toBeNull()
    expect(
      (await c.backend.inspect('yp_enrollments', { parentId: 'u-chen' })).map((e) => [e.courseId, e.status, e.noShow]),
    ).toEqual([['ypc-calligraphy', 'cancelled', false]])
  })
})
