import type { LifeEvent } from '@/domain/one-thing/guides'
import { synonymsOf } from './synonyms'

const YES_NO = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
]
const local = { questionId: 'localHukou', equals: 'yes' }
const elsewhere = { not: local }
const married = { questionId: 'parents', equals: 'married' }
const unmarried = { not: married }

/**
 * 出生一件事 (domain.md §4): birth certificate, vaccination certificate, household registration,
 * medical insurance, maternity benefit, social-security card. Legal deadline: household registration
 * within 1 month of the birth (户口登记条例 art. 7). Materials for unmarried parents follow 国办发〔2015〕96号.
 */
export const NEWBORN: LifeEvent = {
  id: 'newborn',
  name: '出生一件事',
  stage: '出生与成长',
  keywords: ['出生', '出生登记', '出生医学证明', '新生儿落户', '预防接种证', '新生儿医保', '生育津贴', '社保卡'],
  synonyms: synonymsOf('newborn'),
  questions: [
    { id: 'birthDate', text: '宝宝是哪天出生的？', kind: 'date' },
    {
      id: 'parents',
      text: '宝宝的父母办理结婚登记了吗？',
      kind: 'choice',
      options: [
        { value: 'married', label: '已办理结婚登记' },
        { value: 'unmarried-father', label: '没有登记结婚，宝宝随父亲落户' },
        { value: 'unmarried-mother', label: '没有登记结婚，宝宝随母亲落户' },
      ],
    },
    { id: 'localHukou', text: '宝宝要落户的父亲或母亲，户口在本市吗？', kind: 'choice', options: YES_NO },
    { id: 'motherInsured', text: '妈妈参加了本市职工医保（含生育保险）吗？', kind: 'choice', options: YES_NO },
  ],
  items: [
    {
      id: 'birth-certificate',
      agency: '卫生健康（助产医院）',
      title: '领取《出生医学证明》',
      materials: ['父母双方身份证', '孕产妇保健手册'],
      channel: 'window',
      where: '宝宝出生的助产医院 出生医学证明办理处',
      promise: '出院前签发',
      note: '请核对宝宝姓名、出生时间和父母信息，签发后修改较麻烦。',
    },
    {
      id: 'vaccination-card',
      agency: '疾病预防控制（社区卫生服务中心）',
      title: '办理《预防接种证》',
      materials: ['《出生医学证明》', '医院给的新生儿首针接种记录', '监护人身份证'],
      channel: 'window',
      where: '居住地社区卫生服务中心 预防接种门诊',
      promise: '当场办结',
    },
    {
      id: 'hukou-registration',
      agency: '公安（派出所）',
      title: '新生儿户口登记（上户口）',
      materials: ['《出生医学证明》', '父母双方身份证', '落户方的户口簿'],
      conditionalMaterials: [
        { material: '父母的结婚证', includeIf: married },
        { material: '非婚生育情况说明（派出所提供样式）', includeIf: unmarried },
        {
          material: '有资质的鉴定机构出具的亲子鉴定证明',
          includeIf: { questionId: 'parents', equals: 'unmarried-father' },
        },
      ],
      channel: 'online',
      where: '浙里办「出生一件事」',
      promise: '5 个工作日',
      promiseWorkingDays: 5,
      includeIf: local,
    },
    {
      id: 'hukou-registration-elsewhere',
      agency: '公安（派出所）',
      title: '回户籍地办理新生儿户口登记',
      materials: ['《出生医学证明》', '父母双方身份证', '落户方的户口簿'],
      conditionalMaterials: [
        { material: '父母的结婚证', includeIf: married },
        { material: '非婚生育情况说明（派出所提供样式）', includeIf: unmarried },
        {
          material: '有资质的鉴定机构出具的亲子鉴定证明',
          includeIf: { questionId: 'parents', equals: 'unmarried-father' },
        },
      ],
      channel: 'window',
      where: '落户方户口所在地派出所 户籍窗口',
      promise: '材料齐全当场办结',
      note: '户口不在本市的，在户籍地派出所办理；部分地区可以跨省通办，出发前可先电话问一下。',
      includeIf: elsewhere,
    },
    {
      id: 'mi-enrolment',
      agency: '医疗保障',
      title: '宝宝参加城乡居民医保',
      materials: ['宝宝的户口簿页（落户后）', '监护人身份证'],
      channel: 'online',
      where: '浙里办「出生一件事」',
      promise: '5 个工作日',
      promiseWorkingDays: 5,
      includeIf: local,
    },
    {
      id: 'mi-enrolment-elsewhere',
      agency: '医疗保障',
      title: '在宝宝落户地参加城乡居民医保',
      materials: ['宝宝的户口簿页（落户后）', '监护人身份证'],
      channel: 'window',
      where: '宝宝落户地 医保经办窗口',
      promise: '当场办结',
      includeIf: elsewhere,
    },
    {
      id: 'maternity-benefit',
      agency: '医疗保障',
      title: '申领生育津贴和生育医疗费用',
      materials: ['《出生医学证明》', '妈妈的身份证', '妈妈本人的银行卡'],
      channel: 'online',
      where: '浙里办「出生一件事」',
      promise: '10 个工作日',
      promiseWorkingDays: 10,
      note: '有的单位会统一代为申报，可以先问一下单位人事。',
      includeIf: { questionId: 'motherInsured', equals: 'yes' },
    },
    {
      id: 'social-security-card',
      agency: '人力社保',
      title: '申领宝宝的社会保障卡',
      materials: ['宝宝的户口簿页（落户后）', '监护人身份证', '宝宝的证件照（电子版）'],
      channel: 'online',
      where: '浙里办「出生一件事」',
      promise: '10 个工作日',
      promiseWorkingDays: 10,
      includeIf: local,
    },
  ],
  deadlines: [
    { kind: 'birth-registration', fromQuestionId: 'birthDate', itemId: 'hukou-registration' },
    { kind: 'birth-registration', fromQuestionId: 'birthDate', itemId: 'hukou-registration-elsewhere' },
  ],
}
