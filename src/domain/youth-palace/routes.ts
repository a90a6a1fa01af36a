/** Pages of the youth-palace subpackage (青少年宫), worker pages under pages/worker*. See domain/shared/routes.ts. */
import { pagesUnder } from '../shared/routes'

const page = pagesUnder('packages/youth-palace')

export const youthPalaceRoutes = {
  index: page('pages/index/index'),
  courses: page<{ termId?: string; childId?: string }>('pages/courses/index'),
  course: page<{ id: string; childId?: string }>('pages/course/index'),
  /** `id`: the course whose draw to show. */
  lottery: page<{ id: string }>('pages/lottery/index'),
  myCourses: page<{ childId?: string }>('pages/my-courses/index'),
  /** `id`: the enrolment; `name`: shown as the title (child·course). */
  checkin: page<{ id: string; name: string }>('pages/checkin/index'),
  child: page<{ id: string }>('pages/child/index'),
  worker: page('pages/worker/index'),
  workerCourse: page<{ termId: string }>('pages/worker-course/index'),
  /** `id` and `name`: the course. */
  workerAttendance: page<{ id: string; name: string }>('pages/worker-attendance/index'),
}
