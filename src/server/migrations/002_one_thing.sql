-- "One thing" (一件事): service halls, saved progress per user and life event, window appointments.

CREATE TABLE one_thing_halls (
  id text COLLATE "C" PRIMARY KEY,
  rank integer NOT NULL,
  name text COLLATE "C" NOT NULL,
  city text COLLATE "C" NOT NULL,
  district text COLLATE "C" NOT NULL,
  address text COLLATE "C" NOT NULL,
  phone text COLLATE "C" NOT NULL,
  windows jsonb NOT NULL,
  community_ids jsonb NOT NULL,
  slots jsonb NOT NULL,
  capacity_per_slot integer NOT NULL CHECK (capacity_per_slot > 0)
);

CREATE TABLE one_thing_progress (
  id text COLLATE "C" PRIMARY KEY,
  user_id text COLLATE "C" NOT NULL REFERENCES users (id),
  event_id text COLLATE "C" NOT NULL,
  answers jsonb NOT NULL,
  ticked jsonb NOT NULL,
  deadlines jsonb NOT NULL,
  reminded jsonb NOT NULL,
  version integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  proxy_id text COLLATE "C",
  UNIQUE (user_id, event_id)
);

CREATE TABLE one_thing_appointments (
  id text COLLATE "C" PRIMARY KEY,
  user_id text COLLATE "C" NOT NULL REFERENCES users (id),
  event_id text COLLATE "C" NOT NULL,
  event_name text COLLATE "C",
  hall_id text COLLATE "C" NOT NULL REFERENCES one_thing_halls (id),
  date date NOT NULL,
  slot text COLLATE "C" NOT NULL,
  status text COLLATE "C" NOT NULL CHECK (status IN ('booked', 'cancelled')),
  booked_at timestamptz NOT NULL,
  changed_at timestamptz,
  cancelled_at timestamptz,
  proxy_id text COLLATE "C"
);
CREATE INDEX one_thing_appointments_by_user ON one_thing_appointments (user_id, date, slot);
CREATE INDEX one_thing_appointments_by_slot ON one_thing_appointments (hall_id, status, date, slot);
