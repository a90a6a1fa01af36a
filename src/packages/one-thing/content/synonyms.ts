/**
 * Everyday words residents type for each life event (PRODUCT vocabulary, edit freely), keyed by event
 * id. `searchEvents` (domain/one-thing/guides.ts) matches them besides the event name and formal keywords.
 */
export const EVENT_SYNONYMS = {
  newborn: ['生孩子', '生小孩', '生宝宝', '宝宝出生', '新生儿', '上户口', '报户口', '出生证'],
  'school-entry': ['上学', '读书', '上小学', '上初中', '小升初', '报名读书', '入学报名'],
  'marriage-childbirth': ['结婚', '领证', '登记结婚', '结婚证', '准生证', '生育登记', '怀孕'],
  employment: ['找工作', '入职', '上班', '新工作', '参加工作', '毕业工作', '交社保', '灵活就业'],
  retirement: ['退休金', '养老金', '领养老金', '办退休', '退休年龄', '延迟退休'],
  'resale-home': ['买房', '卖房', '过户', '房产过户', '二手房', '水电过户', '燃气过户', '房产证'],
  'business-startup': ['开公司', '注册公司', '办执照', '营业执照', '开店', '个体户', '创业'],
  'after-death': ['过世', '去世', '逝世', '死亡', '丧事', '殡葬', '销户', '火化', '身故'],
} as const

/** An event id that has synonyms. */
export type EventId = keyof typeof EVENT_SYNONYMS

/** The synonyms of one event as a plain mutable array (for the `LifeEvent.synonyms` field). */
export const synonymsOf = (id: EventId): string[] => [...EVENT_SYNONYMS[id]]
