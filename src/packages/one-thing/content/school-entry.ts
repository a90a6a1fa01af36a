import type { LifeEvent } from '@/domain/one-thing/guides'
import { synonymsOf } from './synonyms'

const local = { questionId: 'hukou', equals: 'local' }
const migrant = { questionId: 'hukou', equals: 'migrant' }
const primary = { questionId: 'stage', equals: 'primary' }

/**
 * 义务教育入学一件事 (domain.md §4): enrolment with household, property or tenancy and social-insurance
 * data checked across agencies. No legal deadline: the yearly enrolment window is set by the local
 * education bureau, so the app shows none.
 */
export const SCHOOL_ENTRY: LifeEvent = {
  id: 'school-entry',
  name: '义务教育入学一件事',
  stage: '教育',
  keywords: ['入学', '入学报名', '小学入学', '初中入学', '义务教育', '学区', '随迁子女'],
  synonyms: synonymsOf('school-entry'),
  questions: [
    {
      id: 'stage',
      text: '孩子要上小学还是初中？',
      kind: 'choice',
      options: [
        { value: 'primary', label: '上小学（一年级）' },
        { value: 'junior', label: '上初中（七年级）' },
      ],
    },
    {
      id: 'hukou',
      text: '孩子的户口在本市吗？',
      kind: 'choice',
      options: [
        { value: 'local', label: '在本市' },
        { value: 'migrant', label: '不在本市（随父母在本市居住）' },
      ],
    },
    {
      id: 'housing',
      text: '您家在本市住的房子是？',
      kind: 'choice',
      options: [
        { value: 'owned', label: '自己（父母）名下的房子' },
        { value: 'rented', label: '租的房子' },
      ],
    },
  ],
  items: [
    {
      id: 'enrolment',
      agency: '教育',
      title: '网上入学报名',
      materials: ['孩子和父母的身份证号', '户口簿'],
      conditionalMaterials: [
        { material: '不动产权证书（或购房合同）', includeIf: { questionId: 'housing', equals: 'owned' } },
        { material: '已备案的房屋租赁合同', includeIf: { questionId: 'housing', equals: 'rented' } },
        { material: '父母的本市居住证', includeIf: migrant },
        { material: '小学毕业学校名称和学籍号', includeIf: { questionId: 'stage', equals: 'junior' } },
      ],
      channel: 'online',
      where: '浙里办「义务教育入学一件事」',
      promise: '报名结束后按教育局公布的时间出结果',
      note: '户籍、房产、社保信息由系统自动核验，核验不通过时会提示补传材料。',
    },
    {
      id: 'residence-permit',
      agency: '公安（派出所）',
      title: '确认父母的居住证在有效期内',
      materials: ['父母的身份证', '居住证'],
      channel: 'online',
      where: '浙里办「居住证」',
      promise: '即时查询',
      note: '居住证快到期的，请先办理签注。',
      includeIf: migrant,
    },
    {
      id: 'social-insurance-record',
      agency: '人力社保',
      title: '查看父母在本市的社保缴纳记录',
      materials: ['父母的身份证号'],
      channel: 'online',
      where: '浙里办「社保参保证明」',
      promise: '即时出具',
      note: '随迁子女入学一般要看父母在本市的连续参保时间，具体以当地招生政策为准。',
      includeIf: migrant,
    },
    {
      id: 'tenancy-registration',
      agency: '住房和城乡建设',
      title: '办理房屋租赁合同登记备案',
      materials: ['房屋租赁合同', '出租人和承租人的身份证', '房屋产权证明'],
      channel: 'online',
      where: '浙里办「住房租赁合同备案」',
      promise: '3 个工作日',
      promiseWorkingDays: 3,
      includeIf: { questionId: 'housing', equals: 'rented' },
    },
    {
      id: 'vaccination-check',
      agency: '疾病预防控制（社区卫生服务中心）',
      title: '入学预防接种证查验',
      materials: ['《预防接种证》'],
      channel: 'window',
      where: '居住地社区卫生服务中心 预防接种门诊',
      promise: '当场办结',
      note: '缺种的疫苗会安排补种。',
      includeIf: primary,
    },
    {
      id: 'household-check',
      agency: '公安（派出所）',
      title: '核对孩子的户口信息',
      materials: ['户口簿'],
      channel: 'online',
      where: '浙里办「户籍信息查询」',
      promise: '即时查询',
      note: '户口信息有误的，先到派出所更正再报名。',
      includeIf: local,
    },
  ],
  deadlines: [],
}
