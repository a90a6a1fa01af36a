import type { LifeEvent } from '@/domain/one-thing/guides'
import { synonymsOf } from './synonyms'

const YES_NO = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
]
const company = { questionId: 'entityType', equals: 'company' }
const hires = { questionId: 'hireStaff', equals: 'yes' }

/**
 * 企业开办一件事 (domain.md §4): business licence, seal, tax and invoices, bank account, social
 * insurance and housing fund for staff. Legal deadline: social-insurance registration within 30 days
 * of the first employee's start of employment (Social Insurance Law art. 58).
 */
export const BUSINESS_STARTUP: LifeEvent = {
  id: 'business-startup',
  name: '企业开办一件事',
  stage: '就业与创业',
  keywords: ['开办企业', '企业开办', '设立登记', '公司注册', '公章刻制', '税务登记', '发票申领', '个体工商户'],
  synonyms: synonymsOf('business-startup'),
  questions: [
    {
      id: 'entityType',
      text: '您要开办的是？',
      kind: 'choice',
      options: [
        { value: 'company', label: '公司（有限责任公司等）' },
        { value: 'individual', label: '个体工商户' },
      ],
    },
    { id: 'hireStaff', text: '开业时要招用员工吗？', kind: 'choice', options: YES_NO },
    { id: 'firstHireDate', text: '第一位员工开始上班的日期是？', kind: 'date', showIf: hires },
  ],
  items: [
    {
      id: 'business-licence',
      agency: '市场监督管理',
      title: '设立登记，领取营业执照（可领电子营业执照）',
      materials: ['经营者或全体股东、法定代表人的身份证', '经营场所证明（产权证明或租赁合同）'],
      conditionalMaterials: [{ material: '公司章程（系统可生成范本）', includeIf: company }],
      channel: 'online',
      where: '浙江政务服务网「企业开办一件事」',
      promise: '1 个工作日',
      promiseWorkingDays: 1,
    },
    {
      id: 'seal',
      agency: '公安',
      title: '刻制公章',
      materials: ['营业执照（系统共享）', '法定代表人身份证'],
      channel: 'online',
      where: '浙江政务服务网「企业开办一件事」，选择刻章店邮寄或自取',
      promise: '与营业执照同时办结',
      includeIf: company,
    },
    {
      id: 'tax-invoice',
      agency: '税务',
      title: '新办纳税人信息确认，开通数电发票',
      materials: ['营业执照（系统共享）', '办税人员身份证'],
      channel: 'online',
      where: '浙江省电子税务局「新办纳税人套餐」',
      promise: '即时办结',
    },
    {
      id: 'bank-account',
      agency: '商业银行',
      title: '预约开立企业银行基本存款账户',
      materials: ['营业执照', '法定代表人身份证', '公章'],
      channel: 'window',
      where: '所选开户银行的营业网点（在「企业开办一件事」里预约）',
      promise: '3 个工作日',
      promiseWorkingDays: 3,
      includeIf: company,
    },
    {
      id: 'social-insurance',
      agency: '人力社保',
      title: '单位社会保险参保登记，为员工办理参保',
      materials: ['营业执照（系统共享）', '员工身份证号', '劳动合同'],
      channel: 'online',
      where: '浙江政务服务网「企业开办一件事」',
      promise: '即时办结',
      includeIf: hires,
    },
    {
      id: 'housing-fund',
      agency: '住房公积金',
      title: '单位住房公积金缴存登记',
      materials: ['营业执照（系统共享）', '经办人身份证'],
      channel: 'online',
      where: '浙江政务服务网「企业开办一件事」',
      promise: '即时办结',
      includeIf: { all: [company, hires] },
    },
  ],
  deadlines: [{ kind: 'social-insurance-registration', fromQuestionId: 'firstHireDate', itemId: 'social-insurance' }],
}
