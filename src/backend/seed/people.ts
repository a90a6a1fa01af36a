/**
 * Fictional residents of the seed. ID numbers are generated with valid GB 11643-1999 check characters
 * (region code + birth date + sequence whose parity gives the sex); none belongs to a real person.
 */
import { residentIdCheckChar } from '@/domain/shared/residentId'

/** A seeded person: identity, demo persona and (optionally) the rooms they own. */
export interface SeedPerson {
  key: string
  name: string
  region: '330211' | '330481'
  birthDate: string
  sex: 'male' | 'female'
  phone: string
  /** Demo persona label on the mock login; key personas have a low rank. */
  persona: string
  rank: number
  community: 'c-zpq' | 'c-xs'
  role?: 'resident' | 'worker'
  /** A supervisor worker (社区站长): may revoke the grid workers' 代办 authorisations. */
  supervisor?: boolean
  /** Whether the account is already real-name bound in the seed. */
  bound: boolean
  /** Room ids this person owns in the property register. */
  owns?: string[]
  /** Room id this person rents, registered with the community (a verified tenant binding). */
  rents?: string
}

/** A valid 18-character number for a person (the 17th digit's parity gives the sex; rank makes it unique). */
export function idNumberOf(p: Pick<SeedPerson, 'region' | 'birthDate' | 'sex' | 'rank'>): string {
  const sexDigit = p.sex === 'male' ? 1 : 2
  const first17 = `${p.region}${p.birthDate.replace(/-/g, '')}${String(p.rank % 100).padStart(2, '0')}${sexDigit}`
  return first17 + residentIdCheckChar(first17)
}

const owner = (
  key: string,
  name: string,
  sex: 'male' | 'female',
  birthDate: string,
  owns: string[],
  community: 'c-zpq' | 'c-xs',
  rank: number,
  persona: string,
): SeedPerson => ({
  key,
  name,
  sex,
  birthDate,
  owns,
  community,
  rank,
  persona,
  bound: true,
  region: community === 'c-zpq' ? '330211' : '330481',
  phone: `139${String(57400000 + rank * 137).slice(0, 8)}`,
})

export const PEOPLE: SeedPerson[] = [
  {
    key: 'wang',
    name: '王秀英',
    region: '330211',
    birthDate: '1944-03-15',
    sex: 'female',
    phone: '13805740101',
    persona: '82 岁独居老人',
    rank: 1,
    community: 'c-zpq',
    bound: true,
    owns: ['r-zpq-3-1-202'],
  },
  {
    key: 'li',
    name: '李红',
    region: '330211',
    birthDate: '1971-08-20',
    sex: 'female',
    phone: '13805740102',
    persona: '王秀英的女儿，为母亲代办',
    rank: 2,
    community: 'c-zpq',
    bound: true,
  },
  {
    key: 'chen',
    name: '陈晓东',
    region: '330211',
    birthDate: '1988-06-02',
    sex: 'male',
    phone: '13805740103',
    persona: '家长，孩子 5 岁和 9 岁（未实名）',
    rank: 3,
    community: 'c-zpq',
    bound: false,
    rents: 'r-zpq-3-1-302',
  },
  owner('zhang', '张建国', 'male', '1958-11-03', ['r-zpq-3-1-101'], 'c-zpq', 4, '3幢1单元 1 楼业主'),
  owner('liu', '刘伟', 'male', '1975-02-14', ['r-zpq-3-1-701'], 'c-zpq', 5, '3幢1单元 7 楼业主'),
  owner(
    'zhou',
    '周强',
    'male',
    '1969-09-09',
    ['r-zpq-3-1-501', 'r-zpq-3-1-602'],
    'c-zpq',
    6,
    '一人两套房的业主（5 楼、6 楼）',
  ),
  {
    key: 'zhao',
    name: '赵敏',
    region: '330211',
    birthDate: '1990-04-18',
    sex: 'female',
    phone: '13805740107',
    persona: '总浦桥社区网格员（社区工作人员）',
    rank: 7,
    community: 'c-zpq',
    role: 'worker',
    bound: true,
  },
  {
    key: 'sun',
    name: '孙丽',
    region: '330481',
    birthDate: '1986-12-01',
    sex: 'female',
    phone: '13905730108',
    persona: '西山社区网格员（社区工作人员）',
    rank: 8,
    community: 'c-xs',
    role: 'worker',
    bound: true,
  },
  {
    key: 'xu',
    name: '徐建平',
    region: '330211',
    birthDate: '1978-07-11',
    sex: 'male',
    phone: '13805740109',
    persona: '总浦桥社区站长（可撤销网格员代办授权）',
    rank: 9,
    community: 'c-zpq',
    role: 'worker',
    supervisor: true,
    bound: true,
  },
  owner('qian', '钱芳', 'female', '1962-05-21', ['r-zpq-3-1-102'], 'c-zpq', 20, '3幢1单元业主'),
  owner('sunzq', '孙志强', 'male', '1955-07-30', ['r-zpq-3-1-201'], 'c-zpq', 21, '3幢1单元业主'),
  owner('zhoum', '周梅', 'female', '1966-01-12', ['r-zpq-3-1-301'], 'c-zpq', 22, '3幢1单元业主'),
  owner('wu', '吴刚', 'male', '1972-10-05', ['r-zpq-3-1-302'], 'c-zpq', 23, '3幢1单元业主'),
  owner('zheng', '郑丽华', 'female', '1960-03-28', ['r-zpq-3-1-401'], 'c-zpq', 24, '3幢1单元业主'),
  owner('feng', '冯军', 'male', '1968-08-16', ['r-zpq-3-1-402'], 'c-zpq', 25, '3幢1单元业主'),
  owner('chu', '褚红梅', 'female', '1970-12-24', ['r-zpq-3-1-502'], 'c-zpq', 26, '3幢1单元业主'),
  owner('wei', '卫东', 'male', '1963-06-06', ['r-zpq-3-1-601'], 'c-zpq', 27, '3幢1单元业主'),
  owner('jiang', '蒋玉兰', 'female', '1952-02-29', ['r-zpq-3-1-702'], 'c-zpq', 28, '3幢1单元业主'),
  ...['马建华', '朱丽', '胡斌', '林芳', '何勇', '高洁', '罗成', '梁雪', '宋涛', '唐敏'].map((name, i) =>
    owner(
      `xs${i}`,
      name,
      i % 2 ? 'female' : 'male',
      `19${55 + i}-0${(i % 9) + 1}-1${i}`,
      [`r-xs-5-2-${Math.floor(i / 2) + 1}0${(i % 2) + 1}`],
      'c-xs',
      40 + i,
      '西山社区 5幢2单元业主',
    ),
  ),
]
