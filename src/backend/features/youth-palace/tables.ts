/**
 * Tables of the youth palace. `jsonb` only for value objects never queried: a course's weekly
 * `sessions` (read whole with the course) and a lottery's published result (`applications`, `order`,
 * `admitted`, `waitlist`: the frozen record of the draw, re-checked by anyone; enrollments carry the
 * live status that routes query).
 */
import { table } from '@/backend/core/data/spec'
import type {
  YpAttendanceRecord,
  YpChildRecord,
  YpCourseRecord,
  YpEnrollmentRecord,
  YpLeaveRecord,
  YpLotteryRecord,
  YpNoShowRecord,
  YpPaymentRecord,
  YpSessionCancellationRecord,
  YpTermRecord,
} from './model'

export const termsTable = table<YpTermRecord>({
  name: 'yp_terms',
  key: 'id',
  columns: {
    id: 'text',
    communityId: 'text',
    name: 'text',
    startDate: 'date',
    endDate: 'date',
    opensAt: 'date',
    closesAt: 'date',
    status: 'text',
    createdBy: 'text',
    createdAt: 'timestamptz',
    openedAt: 'timestamptz',
    closedAt: 'timestamptz',
    drawnAt: 'timestamptz',
    drawRemindedAt: 'timestamptz',
  },
  lookups: [['communityId'], ['status']],
})

export const coursesTable = table<YpCourseRecord>({
  name: 'yp_courses',
  key: 'id',
  columns: {
    id: 'text',
    termId: 'text',
    communityId: 'text',
    name: 'text',
    category: 'text',
    site: 'text',
    teacher: 'text',
    description: 'text',
    ageMin: 'integer',
    ageMax: 'integer',
    capacity: 'integer',
    feeFen: 'integer',
    admission: 'text',
    sessions: 'jsonb',
    createdBy: 'text',
    createdAt: 'timestamptz',
  },
  lookups: [['termId', 'admission']],
})

export const childrenTable = table<YpChildRecord>({
  name: 'yp_children',
  key: 'id',
  columns: {
    id: 'text',
    parentId: 'text',
    name: 'text',
    birthDate: 'date',
    hardship: 'boolean',
    hardshipProofImageId: 'text',
    createdAt: 'timestamptz',
    updatedAt: 'timestamptz',
    deletedAt: 'timestamptz',
  },
  lookups: [['parentId', 'deletedAt']],
})

export const enrollmentsTable = table<YpEnrollmentRecord>({
  name: 'yp_enrollments',
  key: 'id',
  columns: {
    id: 'text',
    childId: 'text',
    courseId: 'text',
    termId: 'text',
    parentId: 'text',
    status: 'text',
    source: 'text',
    appliedAt: 'timestamptz',
    updatedAt: 'timestamptz',
    queuedAt: 'timestamptz',
    queueRank: 'integer',
    confirmBy: 'timestamptz',
    confirmedAt: 'timestamptz',
    cancelledAt: 'timestamptz',
    noShow: 'boolean',
    paymentId: 'text',
    checkinSalt: 'text',
  },
  lookups: [['childId', 'status', 'termId'], ['courseId', 'status'], ['parentId', 'status'], ['status']],
})

export const paymentsTable = table<YpPaymentRecord>({
  name: 'yp_payments',
  key: 'id',
  columns: {
    id: 'text',
    enrollmentId: 'text',
    parentId: 'text',
    amountFen: 'integer',
    status: 'text',
    outTradeNo: 'text',
    prepayId: 'text',
    nonceStr: 'text',
    timeStamp: 'text',
    createdAt: 'timestamptz',
    paidAt: 'timestamptz',
    refundedAt: 'timestamptz',
    refundId: 'text',
    transactionId: 'text',
    outRefundNo: 'text',
    refundRequestedAt: 'timestamptz',
  },
  lookups: [['enrollmentId'], ['outTradeNo'], ['outRefundNo']],
})

export const lotteriesTable = table<YpLotteryRecord>({
  name: 'yp_lotteries',
  key: 'courseId',
  columns: {
    courseId: 'text',
    termId: 'text',
    commitment: 'text',
    secret: 'text',
    committedAt: 'timestamptz',
    revealedAt: 'timestamptz',
    drawn: 'boolean',
    seed: 'text',
    seats: 'integer',
    applications: 'jsonb',
    order: 'jsonb',
    admitted: 'jsonb',
    waitlist: 'jsonb',
  },
  lookups: [],
})

export const attendanceTable = table<YpAttendanceRecord>({
  name: 'yp_attendance',
  key: 'id',
  columns: {
    id: 'text',
    enrollmentId: 'text',
    courseId: 'text',
    sessionDate: 'date',
    present: 'boolean',
    markedBy: 'text',
    markedAt: 'timestamptz',
  },
  lookups: [['courseId', 'sessionDate'], ['enrollmentId']],
})

export const noShowsTable = table<YpNoShowRecord>({
  name: 'yp_no_shows',
  key: 'id',
  columns: {
    id: 'text',
    parentId: 'text',
    termId: 'text',
    childId: 'text',
    enrollmentId: 'text',
    sessionDate: 'date',
    reason: 'text',
    at: 'timestamptz',
  },
  lookups: [['parentId', 'termId']],
})

export const leavesTable = table<YpLeaveRecord>({
  name: 'yp_leaves',
  key: 'id',
  columns: {
    id: 'text',
    enrollmentId: 'text',
    courseId: 'text',
    parentId: 'text',
    sessionDate: 'date',
    at: 'timestamptz',
  },
  lookups: [['courseId', 'sessionDate'], ['enrollmentId']],
})

export const sessionCancellationsTable = table<YpSessionCancellationRecord>({
  name: 'yp_session_cancellations',
  key: 'id',
  columns: {
    id: 'text',
    courseId: 'text',
    sessionDate: 'date',
    reason: 'text',
    cancelledBy: 'text',
    at: 'timestamptz',
  },
  lookups: [['courseId']],
})

/** The feature's tables, referenced tables first. */
export const YOUTH_PALACE_TABLES = [
  termsTable,
  coursesTable,
  childrenTable,
  enrollmentsTable,
  paymentsTable,
  lotteriesTable,
  attendanceTable,
  noShowsTable,
  leavesTable,
  sessionCancellationsTable,
] as const
