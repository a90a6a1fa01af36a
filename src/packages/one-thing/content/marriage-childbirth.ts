import type { LifeEvent } from '@/domain/one-thing/guides'
import { synonymsOf } from './synonyms'

const YES_NO = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
]

/**
 * 婚育一件事 (domain.md §4): marriage registration with the optional free premarital health check,
 * household move of a spouse and childbirth registration. No legal deadline applies.
 * Marriage registration materials follow the revised 婚姻登记条例 in force from 2025-05-10.
 */
export const MARRIAGE_CHILDBIRTH: LifeEvent = {
  id: 'marriage-childbirth',
  name: '婚育一件事',
  stage: '婚育',
  keywords: ['婚育', '婚姻登记', '结婚登记', '婚前检查', '夫妻投靠', '户口迁移', '生育', '生育服务登记'],
  synonyms: synonymsOf('marriage-childbirth'),
  questions: [
    { id: 'premaritalCheck', text: '想先做免费的婚前健康检查吗？', kind: 'choice', options: YES_NO },
    { id: 'moveHukou', text: '登记后，要把一方的户口迁到另一方家吗？', kind: 'choice', options: YES_NO },
    { id: 'pregnant', text: '已经怀孕或打算近期要宝宝吗？', kind: 'choice', options: YES_NO },
  ],
  items: [
    {
      id: 'premarital-check',
      agency: '卫生健康（妇幼保健院）',
      title: '免费婚前医学检查',
      materials: ['双方身份证'],
      channel: 'window',
      where: '区妇幼保健院 婚检门诊',
      promise: '检查后 3 个工作日出报告',
      promiseWorkingDays: 3,
      note: '自愿参加，不影响结婚登记。',
      includeIf: { questionId: 'premaritalCheck', equals: 'yes' },
    },
    {
      id: 'marriage-registration',
      agency: '民政（婚姻登记处）',
      title: '结婚登记，领取结婚证',
      materials: [
        '双方身份证',
        '双方本人签字的无配偶及与对方无禁止结婚亲属关系的声明（现场签）',
        '3 张 2 寸双人近期半身免冠合影',
      ],
      channel: 'window',
      where: '区婚姻登记处（先在浙里办「婚姻登记预约」约时间）',
      promise: '当场办结',
      note: '双方必须本人一起到场，不能代办。',
    },
    {
      id: 'hukou-move',
      agency: '公安（派出所）',
      title: '夫妻投靠户口迁移',
      materials: ['双方身份证', '结婚证', '迁入地户口簿', '迁入房屋的产权证明或户主同意入户的声明'],
      channel: 'online',
      where: '浙里办「户口迁移」',
      promise: '5 个工作日',
      promiseWorkingDays: 5,
      includeIf: { questionId: 'moveHukou', equals: 'yes' },
    },
    {
      id: 'childbirth-registration',
      agency: '卫生健康',
      title: '生育登记',
      materials: ['夫妻双方身份证号', '结婚证信息'],
      channel: 'online',
      where: '浙里办「生育登记」',
      promise: '即时办结',
      note: '登记后可以享受孕产期保健服务。',
      includeIf: { questionId: 'pregnant', equals: 'yes' },
    },
    {
      id: 'maternal-health-book',
      agency: '卫生健康（社区卫生服务中心）',
      title: '建立孕产妇保健手册',
      materials: ['孕妇身份证', '早孕检查结果'],
      channel: 'window',
      where: '居住地社区卫生服务中心 妇保门诊',
      promise: '当场办结',
      includeIf: { questionId: 'pregnant', equals: 'yes' },
    },
  ],
  deadlines: [],
}
