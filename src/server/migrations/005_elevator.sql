-- Elevator retrofit petition (加装电梯): petitions, co-initiators, the append-only hash-chained ballot
-- log (one row per entry, `seq` per petition: a fork cannot be stored), ballot signatures, objections
-- and mediation steps. Money is integer fen (bigint: budgets are checked up to 1e11 fen).
-- jsonb: the tally frozen when the vote closed.

CREATE TABLE elevator_petitions (
  id text COLLATE "C" PRIMARY KEY,
  unit_id text COLLATE "C" NOT NULL REFERENCES units (id),
  community_id text COLLATE "C" NOT NULL REFERENCES communities (id),
  starter_id text COLLATE "C" NOT NULL,
  starter_room_id text COLLATE "C" NOT NULL,
  elevator_position text COLLATE "C" NOT NULL,
  budget_fen bigint NOT NULL,
  subsidies_fen bigint NOT NULL,
  yearly_maintenance_fen bigint NOT NULL,
  voting_deadline timestamptz NOT NULL,
  status text COLLATE "C" NOT NULL,
  created_at timestamptz NOT NULL,
  opened_at timestamptz,
  result_tally jsonb,
  result_published_at timestamptz,
  publicity_starts_at timestamptz,
  publicity_ends_at timestamptz,
  mediation_stage text COLLATE "C",
  compensation_fen bigint,
  compensation_text text COLLATE "C",
  compensation_by text COLLATE "C",
  compensation_at timestamptz
);
CREATE INDEX elevator_petitions_by_unit_id_status ON elevator_petitions (unit_id, status);
CREATE INDEX elevator_petitions_by_community_id ON elevator_petitions (community_id);
CREATE INDEX elevator_petitions_by_status ON elevator_petitions (status);

CREATE TABLE elevator_co_initiators (
  id text COLLATE "C" PRIMARY KEY,
  petition_id text COLLATE "C" NOT NULL REFERENCES elevator_petitions (id),
  rank integer NOT NULL,
  user_id text COLLATE "C" NOT NULL,
  room_id text COLLATE "C" NOT NULL,
  invited_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  declined_at timestamptz
);
CREATE INDEX elevator_co_initiators_by_petition_id ON elevator_co_initiators (petition_id);

CREATE TABLE elevator_log (
  id text COLLATE "C" PRIMARY KEY,
  petition_id text COLLATE "C" NOT NULL REFERENCES elevator_petitions (id),
  seq integer NOT NULL,
  at timestamptz NOT NULL,
  household_id text COLLATE "C" NOT NULL,
  actor text COLLATE "C" NOT NULL,
  channel text COLLATE "C" NOT NULL,
  choice text COLLATE "C" NOT NULL,
  signature_kind text COLLATE "C" NOT NULL,
  photo_ref text COLLATE "C",
  prev_hash text COLLATE "C" NOT NULL,
  hash text COLLATE "C" NOT NULL,
  UNIQUE (petition_id, seq) -- one chain, no fork
);
CREATE INDEX elevator_log_by_petition_id_seq ON elevator_log (petition_id, seq);
CREATE INDEX elevator_log_by_petition_id_household_id ON elevator_log (petition_id, household_id);

CREATE TABLE elevator_ballot_signatures (
  id text COLLATE "C" PRIMARY KEY REFERENCES elevator_log (id),
  petition_id text COLLATE "C" NOT NULL,
  seq integer NOT NULL,
  household_id text COLLATE "C" NOT NULL,
  signature_image_id text COLLATE "C",
  actor_role text COLLATE "C" NOT NULL
);

CREATE TABLE elevator_objections (
  id text COLLATE "C" PRIMARY KEY,
  petition_id text COLLATE "C" NOT NULL REFERENCES elevator_petitions (id),
  household_id text COLLATE "C" NOT NULL,
  filed_by text COLLATE "C" NOT NULL,
  channel text COLLATE "C" NOT NULL,
  text text COLLATE "C" NOT NULL,
  photo_id text COLLATE "C",
  filed_at timestamptz NOT NULL
);
CREATE INDEX elevator_objections_by_petition_id_household_id ON elevator_objections (petition_id, household_id);

CREATE TABLE elevator_mediation_steps (
  id text COLLATE "C" PRIMARY KEY,
  petition_id text COLLATE "C" NOT NULL REFERENCES elevator_petitions (id),
  seq integer NOT NULL,
  stage text COLLATE "C" NOT NULL,
  note text COLLATE "C" NOT NULL,
  "by" text COLLATE "C" NOT NULL,
  at timestamptz NOT NULL,
  UNIQUE (petition_id, seq)
);
CREATE INDEX elevator_mediation_steps_by_petition_id ON elevator_mediation_steps (petition_id);

-- One petition under way (or concluded with approval) per stairwell unit, as ACTIVE_STATUSES.
CREATE UNIQUE INDEX elevator_petitions_one_open_per_unit ON elevator_petitions (unit_id)
  WHERE status IN ('forming', 'voting', 'publicity', 'mediation', 'concluded');
