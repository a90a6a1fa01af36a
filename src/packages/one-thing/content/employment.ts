import type { LifeEvent } from '@/domain/one-thing/guides'
import { synonymsOf } from './synonyms'

const employer = { questionId: 'jobType', equals: 'employer' }
const flexible = { questionId: 'jobType', equals: 'flexible' }

/**
 * 就业一件事 (domain.md §4): employment registration, social insurance, housing fund, graduates'
 * registration. Legal deadline: the employer registers social insurance within 30 days of the start of
 * employment (Social Insurance Law art. 58); flexible workers have no such deadline.
 */
export const EMPLOYMENT: LifeEvent = {
  id: 'employment',
  name: '就业一件事',
  stage: '就业与创业',
  keywords: ['就业', '就业登记', '社保参保', '社会保险登记', '公积金开户', '毕业生报到', '档案转递'],
  synonyms: synonymsOf('employment'),
  questions: [
    {
      id: 'jobType',
      text: '您是到单位上班，还是自己灵活就业？',
      kind: 'choice',
      options: [
        { value: 'employer', label: '到单位上班' },
        { value: 'flexible', label: '灵活就业（个体、自由职业等）' },
      ],
    },
    { id: 'startDate', text: '您在单位开始上班的日期是？', kind: 'date', showIf: employer },
    {
      id: 'graduate',
      text: '您是今年毕业的高校毕业生吗？',
      kind: 'choice',
      options: [
        { value: 'yes', label: '是' },
        { value: 'no', label: '否' },
      ],
      showIf: employer,
    },
  ],
  items: [
    {
      id: 'employment-registration',
      agency: '人力社保',
      title: '单位为您办理就业登记',
      materials: ['身份证', '劳动合同'],
      channel: 'online',
      where: '浙江政务服务网「就业登记」（单位办理）',
      promise: '即时办结',
      note: '可以在浙里办「就业登记查询」看是否已登记。',
      includeIf: employer,
    },
    {
      id: 'social-insurance',
      agency: '人力社保',
      title: '单位为您办理社会保险登记（养老、医疗、失业、工伤、生育）',
      materials: ['身份证', '劳动合同'],
      channel: 'online',
      where: '浙江政务服务网「参保登记」（单位办理）',
      promise: '即时办结',
      note: '单位逾期不办的，可以向人力社保部门反映。',
      includeIf: employer,
    },
    {
      id: 'housing-fund',
      agency: '住房公积金',
      title: '单位为您开设住房公积金账户',
      materials: ['身份证'],
      channel: 'online',
      where: '浙里办「住房公积金」（单位办理）',
      promise: '即时办结',
      includeIf: employer,
    },
    {
      id: 'graduate-registration',
      agency: '人力社保（人才服务中心）',
      title: '高校毕业生就业报到和档案转递',
      materials: ['身份证', '毕业证书', '劳动合同或录用证明'],
      channel: 'online',
      where: '浙里办「高校毕业生就业报到」',
      promise: '5 个工作日',
      promiseWorkingDays: 5,
      includeIf: { all: [employer, { questionId: 'graduate', equals: 'yes' }] },
    },
    {
      id: 'flexible-registration',
      agency: '人力社保',
      title: '灵活就业登记',
      materials: ['身份证'],
      channel: 'online',
      where: '浙里办「灵活就业登记」',
      promise: '即时办结',
      includeIf: flexible,
    },
    {
      id: 'flexible-insurance',
      agency: '人力社保',
      title: '以灵活就业人员身份参加养老保险、医疗保险',
      materials: ['身份证', '本人银行卡（用于扣缴保费）'],
      channel: 'online',
      where: '浙里办「灵活就业人员参保」',
      promise: '即时办结',
      note: '缴费档次可以自己选，之后每月或每年扣缴。',
      includeIf: flexible,
    },
    {
      id: 'social-security-card',
      agency: '人力社保',
      title: '确认社会保障卡已开通，没有的在线申领',
      materials: ['身份证', '证件照（电子版）'],
      channel: 'online',
      where: '浙里办「社保卡申领」',
      promise: '10 个工作日',
      promiseWorkingDays: 10,
    },
  ],
  deadlines: [{ kind: 'social-insurance-registration', fromQuestionId: 'startDate', itemId: 'social-insurance' }],
}
