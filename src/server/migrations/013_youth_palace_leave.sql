-- Youth palace: leave (请假) of one confirmed enrollment for one session, asked before the session starts.
-- A session on leave is not on the roll call and never a no-show. Like no-shows, no foreign key to users:
-- an erased account's enrollments stay for the roster.

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
