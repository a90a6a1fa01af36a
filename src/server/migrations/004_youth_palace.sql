-- Doorstep youth palace (家门口青少年宫): terms, courses, children, enrollments (the waitlist is
-- first-in-first-out by queued time), payments, published draws, attendance and no-shows.
-- jsonb: a course's weekly sessions; a draw's frozen, published lists (never queried).
-- Enrollments and no-shows keep no foreign key to children: erasing an account deletes the children's
-- profiles, while the enrollments stay for the roster (shown as （已注销）).

CREATE TABLE yp_terms (
  id text COLLATE "C" PRIMARY KEY,
  community_id text COLLATE "C" NOT NULL REFERENCES communities (id),
  name text COLLATE "C" NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  opens_at date NOT NULL,
  closes_at date NOT NULL,
  status text COLLATE "C" NOT NULL,
  created_by text COLLATE "C" NOT NULL,
  created_at timestamptz NOT NULL,
  opened_at timestamptz,
  closed_at timestamptz,
  drawn_at timestamptz
);
CREATE INDEX yp_terms_by_community_id ON yp_terms (community_id);

CREATE TABLE yp_courses (
  id text COLLATE "C" PRIMARY KEY,
  term_id text COLLATE "C" NOT NULL REFERENCES yp_terms (id),
  community_id text COLLATE "C" NOT NULL,
  name text COLLATE "C" NOT NULL,
  category text COLLATE "C" NOT NULL,
  site text COLLATE "C" NOT NULL,
  teacher text COLLATE "C" NOT NULL,
  description text COLLATE "C" NOT NULL,
  age_min integer NOT NULL,
  age_max integer NOT NULL,
  capacity integer NOT NULL CHECK (capacity > 0),
  fee_fen integer NOT NULL CHECK (fee_fen >= 0),
  admission text COLLATE "C" NOT NULL,
  sessions jsonb NOT NULL,
  created_by text COLLATE "C" NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX yp_courses_by_term_id_admission ON yp_courses (term_id, admission);

CREATE TABLE yp_children (
  id text COLLATE "C" PRIMARY KEY,
  parent_id text COLLATE "C" NOT NULL REFERENCES users (id),
  name text COLLATE "C" NOT NULL,
  birth_date date NOT NULL,
  hardship boolean NOT NULL,
  hardship_proof_image_id text COLLATE "C",
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz
);
CREATE INDEX yp_children_by_parent_id_deleted_at ON yp_children (parent_id, deleted_at);

CREATE TABLE yp_enrollments (
  id text COLLATE "C" PRIMARY KEY,
  child_id text COLLATE "C" NOT NULL,
  course_id text COLLATE "C" NOT NULL REFERENCES yp_courses (id),
  term_id text COLLATE "C" NOT NULL,
  parent_id text COLLATE "C" NOT NULL REFERENCES users (id),
  status text COLLATE "C" NOT NULL,
  source text COLLATE "C" NOT NULL,
  applied_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  queued_at timestamptz,
  queue_rank integer,
  confirm_by timestamptz,
  confirmed_at timestamptz,
  cancelled_at timestamptz,
  no_show boolean,
  payment_id text COLLATE "C",
  checkin_salt text COLLATE "C" NOT NULL
);
CREATE INDEX yp_enrollments_by_child_id_status_term_id ON yp_enrollments (child_id, status, term_id);
CREATE INDEX yp_enrollments_by_course_id_status ON yp_enrollments (course_id, status);
CREATE INDEX yp_enrollments_by_parent_id_status ON yp_enrollments (parent_id, status);
CREATE INDEX yp_enrollments_by_status ON yp_enrollments (status);

CREATE TABLE yp_payments (
  id text COLLATE "C" PRIMARY KEY,
  enrollment_id text COLLATE "C" NOT NULL REFERENCES yp_enrollments (id),
  parent_id text COLLATE "C" NOT NULL,
  amount_fen integer NOT NULL,
  status text COLLATE "C" NOT NULL,
  out_trade_no text COLLATE "C" NOT NULL,
  prepay_id text COLLATE "C" NOT NULL,
  nonce_str text COLLATE "C" NOT NULL,
  time_stamp text COLLATE "C" NOT NULL,
  created_at timestamptz NOT NULL,
  paid_at timestamptz,
  refunded_at timestamptz,
  refund_id text COLLATE "C"
);
CREATE INDEX yp_payments_by_enrollment_id ON yp_payments (enrollment_id);

CREATE TABLE yp_lotteries (
  course_id text COLLATE "C" PRIMARY KEY,
  term_id text COLLATE "C" NOT NULL,
  commitment text COLLATE "C" NOT NULL,
  secret text COLLATE "C" NOT NULL,
  committed_at timestamptz NOT NULL,
  revealed_at timestamptz,
  drawn boolean,
  seed text COLLATE "C",
  seats integer,
  applications jsonb,
  "order" jsonb,
  admitted jsonb,
  waitlist jsonb
);

CREATE TABLE yp_attendance (
  id text COLLATE "C" PRIMARY KEY,
  enrollment_id text COLLATE "C" NOT NULL REFERENCES yp_enrollments (id),
  course_id text COLLATE "C" NOT NULL REFERENCES yp_courses (id),
  session_date date NOT NULL,
  present boolean NOT NULL,
  marked_by text COLLATE "C" NOT NULL,
  marked_at timestamptz NOT NULL
);
CREATE INDEX yp_attendance_by_course_id_session_date ON yp_attendance (course_id, session_date);
CREATE INDEX yp_attendance_by_enrollment_id ON yp_attendance (enrollment_id);

CREATE TABLE yp_no_shows (
  id text COLLATE "C" PRIMARY KEY,
  parent_id text COLLATE "C" NOT NULL,
  term_id text COLLATE "C" NOT NULL,
  child_id text COLLATE "C",
  enrollment_id text COLLATE "C",
  session_date date,
  reason text COLLATE "C" NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX yp_no_shows_by_parent_id_term_id ON yp_no_shows (parent_id, term_id);

-- One running application per child and course (a cancelled or declined one may be followed by another).
CREATE UNIQUE INDEX yp_enrollments_one_per_child_course ON yp_enrollments (child_id, course_id)
  WHERE status IN ('pending', 'admitted', 'waitlisted', 'confirmed');
