import type { LifeEvent } from '@/domain/one-thing/guides'
import { RETIREMENT_CATEGORIES, RETIREMENT_CATEGORY_LABELS } from '@/domain/one-thing/retirement'
import { synonymsOf } from './synonyms'

const employer = { questionId: 'insuredVia', equals: 'employer' }
const self = { questionId: 'insuredVia', equals: 'self' }

/**
 * 退休一件事 (domain.md §4): retirement approval and pension claim, medical insurance, housing-fund
 * withdrawal. The category and birth date feed `statutoryRetirement` (domain/one-thing/retirement.ts; use the
 * `YYYY-MM` part of the birth date, asked by month and stored on the 1st). No legal deadline is shown.
 */
export const RETIREMENT: LifeEvent = {
  id: 'retirement',
  name: '退休一件事',
  stage: '退休与养老',
  keywords: ['退休', '退休审批', '养老金申领', '基本养老金', '退休医保', '公积金提取', '法定退休年龄'],
  synonyms: synonymsOf('retirement'),
  questions: [
    {
      id: 'category',
      text: '您属于哪一类人员？（用来计算法定退休年龄）',
      kind: 'choice',
      options: RETIREMENT_CATEGORIES.map((value) => ({
        value,
        label: RETIREMENT_CATEGORY_LABELS[value],
      })),
    },
    { id: 'birthDate', text: '您的出生日期是哪年哪月？（按身份证填写）', kind: 'date', precision: 'month' },
    {
      id: 'insuredVia',
      text: '您现在是通过单位交养老保险，还是自己交？',
      kind: 'choice',
      options: [
        { value: 'employer', label: '单位交' },
        { value: 'self', label: '自己交（灵活就业）' },
      ],
    },
    {
      id: 'housingFund',
      text: '您有住房公积金账户吗？',
      kind: 'choice',
      options: [
        { value: 'yes', label: '有' },
        { value: 'no', label: '没有' },
      ],
    },
  ],
  items: [
    {
      id: 'retirement-approval-employer',
      agency: '人力社保',
      title: '单位为您申报退休，核定并发放基本养老金',
      materials: ['身份证', '本人社会保障卡（已开通金融功能）', '人事档案（单位提交）'],
      channel: 'online',
      where: '浙江政务服务网「退休一件事」（单位申报）',
      promise: '10 个工作日',
      promiseWorkingDays: 10,
      note: '快到法定退休年月时，请提醒单位申报。符合条件的可以申请弹性提前或延迟退休，最多 3 年，请向单位或社保经办机构咨询。',
      includeIf: employer,
    },
    {
      id: 'retirement-approval-self',
      agency: '人力社保',
      title: '本人申请退休，核定并发放基本养老金',
      materials: ['身份证', '本人社会保障卡（已开通金融功能）', '人事档案（存放在人才服务中心的由其提交）'],
      channel: 'online',
      where: '浙里办「退休一件事」',
      promise: '10 个工作日',
      promiseWorkingDays: 10,
      note: '符合条件的可以申请弹性提前或延迟退休，最多 3 年，请向社保经办机构咨询。',
      includeIf: self,
    },
    {
      id: 'medical-insurance',
      agency: '医疗保障',
      title: '转为退休人员医保待遇',
      materials: ['身份证'],
      channel: 'online',
      where: '浙里办「退休一件事」',
      promise: '随退休审批一并办结',
      note: '职工医保缴费年限不够的，需要补足后才能享受退休人员医保待遇。',
    },
    {
      id: 'housing-fund-withdrawal',
      agency: '住房公积金',
      title: '退休提取住房公积金并销户',
      materials: ['身份证', '本人银行卡'],
      channel: 'online',
      where: '浙里办「住房公积金退休提取」',
      promise: '3 个工作日',
      promiseWorkingDays: 3,
      includeIf: { questionId: 'housingFund', equals: 'yes' },
    },
  ],
  deadlines: [],
}
