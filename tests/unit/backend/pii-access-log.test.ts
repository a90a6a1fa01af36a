/** @jest-environment node */
/**
 * Who opened my data (PIPL art. 45): a worker opening a resident's application or fetching one of its
 * photos is logged in the same request, and the resident's data export lists each opening — who, what
 * and when, in plain Chinese; another resident's export lists none of it, and neither does a request
 * that was refused.
 */
import { TRANSPORTS, type Client } from './client'
import { TINY_JPEG, uploadedPhoto } from './photos'

describe.each(TRANSPORTS)('the log of workers opening personal data (%s)', (_name, make) => {
  let c: Client
  beforeEach(async () => {
    c = await make()
  })
  afterEach(() => c.close())

  const exportOf = async (token: string) => {
    const r = await c.call('GET', '/api/me/export', { token })
    expect(r.status).toBe(200)
    return r.body.text as string
  }

  it("a worker's opening of an application and of its photo shows in the resident's export, and in no one else's", async () => {
    const [wang, zhao, zhang, sun] = await Promise.all(['u-wang', 'u-zhao', 'u-zhang', 'u-sun'].map((u) => c.login(u)))
    const applied = await c.call('POST', '/api/care-card/applications', {
      token: wang,
      body: { groups: [], proofs: [{ kind: 'household', photoId: await uploadedPhoto(c, wang) }] },
    })
    expect(applied.status).toBe(200)
    const app = applied.body
    expect(await exportOf(wang)).toContain('工作人员查看记录：无')

    c.clock.advance(5 * 60_000) // 10:05
    expect((await c.call('GET', `/api/worker/care-card/applications/${app.id}`, { token: zhao })).status).toBe(200)
    c.clock.advance(60_000) // 10:06
    const imageId = app.proofs[0].imageId
    const photo = await c.call('GET', `/api/worker/care-card/applications/${app.id}/images/${imageId}`, {
      token: zhao,
    })
    expect(photo.body).toEqual({ imageId, base64: TINY_JPEG, contentType: 'image/jpeg' })
    // Refused requests log nothing: a worker of another community, a photo that is not the application's.
    expect((await c.call('GET', `/api/worker/care-card/applications/${app.id}`, { token: sun })).status).toBe(403)
    expect(
      (await c.call('GET', `/api/worker/care-card/applications/${app.id}/images/img_x`, { token: zhao })).status,
    ).toBe(404)

    const text = await exportOf(wang)
    expect(text).toContain('工作人员查看记录（共 2 次）：')
    expect(text).toContain('2026年3月2日（周一） 10:05 社区工作人员 赵敏 查看了 爱心卡申请')
    expect(text).toContain('2026年3月2日（周一） 10:06 社区工作人员 赵敏 查看了 爱心卡申请材料照片：户口簿或居住证')
    const log = await c.backend.inspect('pii_access_log', { residentId: 'u-wang' })
    expect(log.map((e) => [e.workerId, e.kind, e.subjectId]).sort()).toEqual([
      ['u-zhao', 'application', app.id],
      ['u-zhao', 'photo', imageId],
    ])
    const other = await exportOf(zhang)
    expect(other).toContain('工作人员查看记录：无')
    expect(other).not.toContain('查看了')
  })
})
