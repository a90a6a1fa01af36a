/**
 * Applying twice: someone whose application is under review or approved is told so,
 * with a way to its progress, before filling in the form again — on the eligibility result and on the
 * apply page. 余桂兰 (u-xs0) holds an approved card; 王秀英 (u-wang) has never applied.
 */
import { loginAs } from './harness'

describe('WeChat build: care card, applying again', () => {
  it('an approved applicant sees 已经有一份爱心卡申请 and 查看进度 instead of 去申请 and the form', async () => {
    const mp = await loginAs('u-xs0')
    await mp.navigateTo('/packages/care-card/pages/eligibility/index')
    await mp.page.tap('eligibility-check')
    expect(mp.page.has('open-application')).toBe(true)
    expect(mp.page.text()).toContain('不需要重复申请')
    expect(mp.page.has('eligibility-apply')).toBe(false)

    await mp.navigateTo('/packages/care-card/pages/apply/index')
    expect(mp.page.has('open-application')).toBe(true)
    expect(mp.page.has('apply-groups')).toBe(false)
    await mp.page.tap('open-application-progress')
    expect(mp.page.route).toBe('packages/care-card/pages/application/index')
    expect(mp.errors).toEqual([])
  })

  it('someone who never applied gets 去申请 and the form', async () => {
    const mp = await loginAs('u-wang')
    await mp.navigateTo('/packages/care-card/pages/eligibility/index')
    await mp.page.tap('eligibility-check')
    expect(mp.page.has('eligibility-apply')).toBe(true)
    expect(mp.page.has('open-application')).toBe(false)
    await mp.navigateTo('/packages/care-card/pages/apply/index')
    expect(mp.page.has('apply-groups')).toBe(true)
    expect(mp.page.has('open-application')).toBe(false)
  })
})
