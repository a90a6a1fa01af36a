/**
 * Seed of the "one thing" feature: four service halls near the two seeded communities — the district
 * centre and the street centre for 总浦桥社区 (招宝山街道, 镇海区, 宁波) and for 西山社区 (硖石街道,
 * 海宁). Names are real institutions; addresses and phone numbers are illustrative demo data, to be
 * checked before any real use. Progress and appointments start empty.
 */
import type { Rows } from '@/backend/core/data/store'
import type { HallSlot, ServiceHall } from './model'
import { hallsTable } from './tables'

/** Working-day slots with a lunch break 12:00–14:00 (PRODUCT, configurable per hall). */
const DEFAULT_SLOTS: HallSlot[] = [
  { start: '09:00', end: '10:00' },
  { start: '10:00', end: '11:00' },
  { start: '11:00', end: '12:00' },
  { start: '14:00', end: '15:00' },
  { start: '15:00', end: '16:00' },
  { start: '16:00', end: '17:00' },
]

/** Appointments per slot (PRODUCT). */
const DEFAULT_CAPACITY = 3

const hall = (h: Omit<ServiceHall, 'slots' | 'capacityPerSlot' | 'rank'>): Omit<ServiceHall, 'rank'> => ({
  ...h,
  slots: DEFAULT_SLOTS.map((s) => ({ ...s })),
  capacityPerSlot: DEFAULT_CAPACITY,
})

/** The seeded halls, in display order. */
const HALLS: Omit<ServiceHall, 'rank'>[] = [
  hall({
    id: 'hall-zh-district',
    name: '镇海区行政服务中心',
    city: '宁波市',
    district: '镇海区',
    address: '宁波市镇海区骆驼街道镇海大道北段 1 号 一楼大厅',
    phone: '0574-86270000',
    windows: ['“一件事”综合受理窗口（一楼 1–6 号）', '公安户籍窗口（一楼 12 号）', '医保社保窗口（二楼 20–25 号）'],
    communityIds: ['c-zpq'],
  }),
  hall({
    id: 'hall-zbs-street',
    name: '招宝山街道便民服务中心',
    city: '宁波市',
    district: '镇海区',
    address: '宁波市镇海区招宝山街道车站路 8 号',
    phone: '0574-86260000',
    windows: ['综合受理窗口（1–3 号）', '社保医保窗口（4 号）'],
    communityIds: ['c-zpq'],
  }),
  hall({
    id: 'hall-hn-citizen',
    name: '海宁市民之家',
    city: '嘉兴市',
    district: '海宁市',
    address: '海宁市硖石街道水月亭西路 1 号 市民之家一楼',
    phone: '0573-87280000',
    windows: ['“一件事”综合受理窗口（A 区 1–8 号）', '公安户籍窗口（B 区 3 号）', '医保窗口（C 区 1–4 号）'],
    communityIds: ['c-xs'],
  }),
  hall({
    id: 'hall-xs-street',
    name: '硖石街道便民服务中心',
    city: '嘉兴市',
    district: '海宁市',
    address: '海宁市硖石街道西山路 100 号',
    phone: '0573-87020000',
    windows: ['综合受理窗口（1–2 号）'],
    communityIds: ['c-xs'],
  }),
]

/** Seed rows of the oneThing feature: the service halls. */
export function seedOneThing(): Rows {
  return {
    [hallsTable.name]: HALLS.map((h, rank) => ({
      ...h,
      rank,
      slots: h.slots.map((s) => ({ ...s })),
      windows: [...h.windows],
      communityIds: [...h.communityIds],
    })),
  }
}
