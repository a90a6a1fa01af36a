import type { LifeEvent } from '@/domain/one-thing/guides'
import { synonymsOf } from './synonyms'

const YES_NO = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
]
const loan = { not: { questionId: 'buyerLoan', equals: 'none' } }

/**
 * 二手房转移登记一件事 (domain.md §4): contract filing, taxes, transfer registration with mortgage
 * release and new mortgage, then water, power, gas and network transfer (水电气网联动过户).
 * No legal deadline applies.
 */
export const RESALE_HOME: LifeEvent = {
  id: 'resale-home',
  name: '二手房转移登记一件事',
  stage: '住房',
  keywords: ['二手房', '转移登记', '不动产登记', '存量房', '网签', '契税', '抵押登记', '水电气网联动过户'],
  synonyms: synonymsOf('resale-home'),
  questions: [
    { id: 'sellerMortgage', text: '卖方的房子现在还有银行抵押（贷款没还清）吗？', kind: 'choice', options: YES_NO },
    {
      id: 'buyerLoan',
      text: '买方打算怎么付款？',
      kind: 'choice',
      options: [
        { value: 'none', label: '全款' },
        { value: 'commercial', label: '商业银行贷款' },
        { value: 'housing-fund', label: '住房公积金贷款（或组合贷款）' },
      ],
    },
    { id: 'pipedGas', text: '这套房子通了管道燃气吗？', kind: 'choice', options: YES_NO },
  ],
  items: [
    {
      id: 'contract-filing',
      agency: '住房和城乡建设',
      title: '存量房买卖合同网签备案',
      materials: ['买卖双方身份证', '不动产权证书', '存量房买卖合同'],
      channel: 'online',
      where: '浙里办「二手房交易」',
      promise: '即时办结',
    },
    {
      id: 'mortgage-release',
      agency: '自然资源（不动产登记中心）',
      title: '卖方还清贷款，注销抵押登记',
      materials: ['卖方身份证', '不动产权证书', '银行出具的贷款结清证明'],
      channel: 'online',
      where: '浙里办「抵押注销登记」（银行可代为申请）',
      promise: '1 个工作日',
      promiseWorkingDays: 1,
      includeIf: { questionId: 'sellerMortgage', equals: 'yes' },
    },
    {
      id: 'housing-fund-loan',
      agency: '住房公积金',
      title: '申请住房公积金贷款',
      materials: ['买方身份证', '婚姻状况证明', '存量房买卖合同', '收入证明'],
      channel: 'window',
      where: '市住房公积金管理中心 区服务窗口',
      promise: '5 个工作日',
      promiseWorkingDays: 5,
      includeIf: { questionId: 'buyerLoan', equals: 'housing-fund' },
    },
    {
      id: 'taxes',
      agency: '税务',
      title: '缴纳契税及卖方相关税费',
      materials: ['买卖双方身份证', '存量房买卖合同', '不动产权证书', '买方家庭住房情况（系统核验）'],
      channel: 'window',
      where: '区行政服务中心 不动产登记综合窗口（税务）',
      promise: '当场办结',
      note: '税费和登记在同一个窗口一次办理，不用来回跑。',
    },
    {
      id: 'transfer-registration',
      agency: '自然资源（不动产登记中心）',
      title: '不动产转移登记，领取新的不动产权证书',
      materials: ['买卖双方身份证', '不动产权证书', '存量房买卖合同', '完税凭证（系统共享）'],
      conditionalMaterials: [{ material: '买方的借款合同（银行提供）', includeIf: loan }],
      channel: 'window',
      where: '区行政服务中心 不动产登记综合窗口',
      promise: '1 个工作日',
      promiseWorkingDays: 1,
      note: '买卖双方（或受托人带公证的委托书）需要到场。可以领取电子证照。',
    },
    {
      id: 'mortgage-registration',
      agency: '自然资源（不动产登记中心）',
      title: '买方贷款办理抵押登记',
      materials: ['买方身份证', '借款合同和抵押合同（银行提供）'],
      channel: 'window',
      where: '与转移登记同窗口合并办理',
      promise: '与转移登记同时办结',
      includeIf: loan,
    },
    {
      id: 'water-transfer',
      agency: '供水公司',
      title: '自来水过户',
      materials: ['新的不动产权证书（系统共享）', '买方身份证'],
      channel: 'online',
      where: '登记时勾选「水电气网联动过户」，或浙里办「水电气网过户」',
      promise: '3 个工作日',
      promiseWorkingDays: 3,
      note: '过户前请和卖方一起抄表结清水费。',
    },
    {
      id: 'power-transfer',
      agency: '供电公司（国网浙江电力）',
      title: '用电过户',
      materials: ['新的不动产权证书（系统共享）', '买方身份证'],
      channel: 'online',
      where: '登记时勾选「水电气网联动过户」，或「网上国网」App',
      promise: '3 个工作日',
      promiseWorkingDays: 3,
    },
    {
      id: 'gas-transfer',
      agency: '燃气公司',
      title: '管道燃气过户',
      materials: ['新的不动产权证书（系统共享）', '买方身份证'],
      channel: 'online',
      where: '登记时勾选「水电气网联动过户」，或浙里办「水电气网过户」',
      promise: '3 个工作日',
      promiseWorkingDays: 3,
      note: '过户后燃气公司会上门做安全检查。',
      includeIf: { questionId: 'pipedGas', equals: 'yes' },
    },
    {
      id: 'network-transfer',
      agency: '通信运营商',
      title: '宽带和有线电视过户或新装',
      materials: ['买方身份证', '新的不动产权证书（系统共享）'],
      channel: 'online',
      where: '登记时勾选「水电气网联动过户」，或运营商营业厅 App',
      promise: '3 个工作日',
      promiseWorkingDays: 3,
    },
  ],
  deadlines: [],
}
