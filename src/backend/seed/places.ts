/** Real places from the domain note (domain.md §background) with fictional buildings and rooms. */
import type { Building, Community, Room, StairUnit } from '../model'

export const COMMUNITIES: Community[] = [
  {
    id: 'c-zpq',
    name: '总浦桥社区',
    city: '宁波市',
    district: '镇海区',
    street: '招宝山街道',
    gridWorker: { name: '赵敏', phone: '13805740107' },
  },
  {
    id: 'c-xs',
    name: '西山社区',
    city: '海宁市',
    district: '海宁市',
    street: '硖石街道',
    gridWorker: { name: '孙丽', phone: '13905730108' },
  },
]

export const BUILDINGS: Building[] = [
  { id: 'b-zpq-3', communityId: 'c-zpq', name: '3幢', storeys: 7 },
  { id: 'b-xs-5', communityId: 'c-xs', name: '5幢', storeys: 5 },
]

export const UNITS: StairUnit[] = [
  { id: 'u-zpq-3-1', buildingId: 'b-zpq-3', communityId: 'c-zpq', name: '1单元', storeys: 7 },
  { id: 'u-xs-5-2', buildingId: 'b-xs-5', communityId: 'c-xs', name: '2单元', storeys: 5 },
]

/** Registered exclusive areas (m²) from the property register, by room id: unequal on purpose. */
export const AREAS: Record<string, number> = {
  'r-zpq-3-1-101': 68.45,
  'r-zpq-3-1-102': 72.3,
  'r-zpq-3-1-201': 86.12,
  'r-zpq-3-1-202': 79.55,
  'r-zpq-3-1-301': 86.12,
  'r-zpq-3-1-302': 79.55,
  'r-zpq-3-1-401': 91.37,
  'r-zpq-3-1-402': 79.55,
  'r-zpq-3-1-501': 91.37,
  'r-zpq-3-1-502': 82.64,
  'r-zpq-3-1-601': 95.08,
  'r-zpq-3-1-602': 82.64,
  'r-zpq-3-1-701': 98.76,
  'r-zpq-3-1-702': 88.21,
  'r-xs-5-2-101': 64.2,
  'r-xs-5-2-102': 58.75,
  'r-xs-5-2-201': 64.2,
  'r-xs-5-2-202': 58.75,
  'r-xs-5-2-301': 66.48,
  'r-xs-5-2-302': 60.1,
  'r-xs-5-2-401': 66.48,
  'r-xs-5-2-402': 60.1,
  'r-xs-5-2-501': 70.33,
  'r-xs-5-2-502': 61.92,
}

/** Two flats per floor in every unit: `<floor>01` and `<floor>02`. */
export const ROOMS: Room[] = UNITS.flatMap((u) =>
  Array.from({ length: u.storeys * 2 }, (_, i) => {
    const floor = Math.floor(i / 2) + 1
    const name = `${floor}0${(i % 2) + 1}`
    const prefix = u.id.replace(/^u-/, 'r-')
    return { id: `${prefix}-${name}`, unitId: u.id, buildingId: u.buildingId, communityId: u.communityId, name, floor }
  }),
)
