import type { LifeEvent } from '@/domain/one-thing/guides'
import { synonymsOf } from './synonyms'

const employeePension = { questionId: 'pension', equals: 'employee' }
const anyPension = { not: { questionId: 'pension', equals: 'none' } }

/**
 * 身后一件事 (domain.md §4): death certificate, household deregistration, funeral, pension and
 * insurance settlement with the funeral grant, housing fund. Legal deadline: death registration within
 * 1 month of the death, in cities before burial (户口登记条例 art. 8).
 */
export const AFTER_DEATH: LifeEvent = {
  id: 'after-death',
  name: '身后一件事',
  stage: '身后事',
  keywords: ['身后', '身后事', '死亡证明', '户口注销', '殡葬', '丧葬补助金', '抚恤金', '养老保险个人账户继承'],
  synonyms: synonymsOf('after-death'),
  questions: [
    { id: 'deathDate', text: '亲人是哪天去世的？', kind: 'date' },
    {
      id: 'place',
      text: '亲人是在哪里去世的？',
      kind: 'choice',
      options: [
        { value: 'hospital', label: '在医院' },
        { value: 'home', label: '在家中或其他地方' },
      ],
    },
    {
      id: 'pension',
      text: '亲人生前参加的是哪种养老保险？',
      kind: 'choice',
      options: [
        { value: 'employee', label: '职工养老保险（单位或灵活就业交的）' },
        { value: 'resident', label: '城乡居民养老保险' },
        { value: 'none', label: '没有参加或不清楚' },
      ],
    },
  ],
  items: [
    {
      id: 'death-certificate-hospital',
      agency: '卫生健康（医院）',
      title: '领取《居民死亡医学证明（推断）书》',
      materials: ['逝者身份证', '经办家属身份证'],
      channel: 'window',
      where: '医院 医务科或住院部',
      promise: '当场出具',
      note: '全国从 2026 年 7 月 1 日起推行电子死亡医学证明，可在浙里办查看。',
      includeIf: { questionId: 'place', equals: 'hospital' },
    },
    {
      id: 'death-certificate-home',
      agency: '卫生健康（社区卫生服务中心）',
      title: '请社区卫生服务中心出具《居民死亡医学证明（推断）书》',
      materials: ['逝者身份证', '经办家属身份证', '逝者生前病历（如有）'],
      channel: 'window',
      where: '居住地社区卫生服务中心',
      promise: '当场出具',
      note: '非正常死亡的，请先拨打 110 报警，由公安机关出具证明。',
      includeIf: { questionId: 'place', equals: 'home' },
    },
    {
      id: 'hukou-deregistration',
      agency: '公安（派出所）',
      title: '注销户口',
      materials: ['《居民死亡医学证明（推断）书》', '逝者身份证和户口簿', '经办家属身份证'],
      channel: 'window',
      where: '逝者户口所在地派出所 户籍窗口（本省部分地区可在浙里办「身后一件事」申请）',
      promise: '当场办结',
    },
    {
      id: 'funeral',
      agency: '民政（殡仪馆）',
      title: '遗体接运、火化，领取火化证明',
      materials: ['《居民死亡医学证明（推断）书》', '逝者身份证', '经办家属身份证'],
      channel: 'window',
      where: '当地殡仪馆 业务窗口（24 小时电话预约接运）',
      promise: '按预约时间办理',
      note: '本市户籍居民可享受基本殡葬服务费用减免，殡仪馆会当场告知。',
    },
    {
      id: 'pension-settlement',
      agency: '人力社保',
      title: '停发养老金，申领丧葬补助金和抚恤金',
      materials: ['火化证明', '逝者身份证', '继承人的身份证和银行卡', '亲属关系证明（户口簿或派出所证明）'],
      channel: 'online',
      where: '浙里办「身后一件事」',
      promise: '10 个工作日',
      promiseWorkingDays: 10,
      note: '多领的养老金需要退回，请尽早办理。',
      includeIf: employeePension,
    },
    {
      id: 'pension-account-inheritance',
      agency: '人力社保',
      title: '领取养老保险个人账户余额（继承）',
      materials: ['逝者身份证', '继承人的身份证和银行卡', '亲属关系证明（户口簿或派出所证明）'],
      channel: 'online',
      where: '浙里办「身后一件事」',
      promise: '10 个工作日',
      promiseWorkingDays: 10,
      includeIf: anyPension,
    },
    {
      id: 'medical-insurance',
      agency: '医疗保障',
      title: '医保停保，领取医保个人账户余额',
      materials: ['逝者身份证', '继承人的身份证和银行卡', '亲属关系证明'],
      channel: 'online',
      where: '浙里办「身后一件事」',
      promise: '10 个工作日',
      promiseWorkingDays: 10,
    },
    {
      id: 'housing-fund',
      agency: '住房公积金',
      title: '查询并提取住房公积金余额（继承）',
      materials: ['逝者身份证', '继承人的身份证和银行卡', '继承权公证书或法院文书（多人继承时）'],
      channel: 'online',
      where: '浙里办「住房公积金」先查询有无账户，有余额的按提示办理',
      promise: '5 个工作日',
      promiseWorkingDays: 5,
    },
  ],
  deadlines: [{ kind: 'death-registration', fromQuestionId: 'deathDate', itemId: 'hukou-deregistration' }],
}
