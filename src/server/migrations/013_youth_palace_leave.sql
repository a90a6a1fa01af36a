-- Youth palace: leave (请假) of one confirmed enrollment for one session, asked before the session starts,
-- and sessions the palace cancelled (停课: weather, the teacher ill) before they started.
-- A session on leave or cancelled is not on the roll call and never a no-show. Like no-shows, no foreign
-- key to users: an erased account's enrollments stay for the roster.

CREATE TABLE yp_leaves (
  id text COLLATE "C" PRIMARY KEY,
  enrollment_id text COLLATE "C" NOT NULL REFERENCES yp_enrollments (id),
  course_id text COLLATE "C" NOT NULL REFERENCES yp_courses (id),
  parent_id text COLLATE "C" NOT NULL,
  session_date date NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX yp_leaves_by_course_id_session_date ON yp_leaves (course_id, session_date);
CREATE INDEX yp_leaves_by_enrollment_id ON yp_leaves (enrollment_id);

CREATE TABLE yp_session_cancellations (
  id text COLLATE "C" PRIMARY KEY,
  course_id text COLLATE "C" NOT NULL REFERENCES yp_courses (id),
  session_date date NOT NULL,
  reason text COLLATE "C" NOT NULL,
  cancelled_by text COLLATE "C" NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX yp_session_cancellations_by_course_id ON yp_session_cancellations (course_id);
