-- Elevator retrofit, issue 28: how each household was told of the petition and the vote (a household
-- without a record blocks the result), withdrawal by the initiators, and the project's stages after approval.

CREATE TABLE elevator_reach (
  id text COLLATE "C" PRIMARY KEY,
  petition_id text COLLATE "C" NOT NULL REFERENCES elevator_petitions (id),
  household_id text COLLATE "C" NOT NULL,
  channel text COLLATE "C" NOT NULL CHECK (channel IN ('app', 'sms', 'registered-mail', 'door-notice', 'in-person')),
  told_on date NOT NULL,
  by_id text COLLATE "C" NOT NULL,
  by_role text COLLATE "C" NOT NULL CHECK (by_role IN ('worker', 'initiator', 'system')),
  note text COLLATE "C",
  recorded_at timestamptz NOT NULL
);
CREATE INDEX elevator_reach_by_petition_id ON elevator_reach (petition_id);

-- Withdrawal by an initiator before the vote ended (status 'withdrawn': no result, the unit is free again).
ALTER TABLE elevator_petitions ADD COLUMN withdrawn_at timestamptz;
ALTER TABLE elevator_petitions ADD COLUMN withdrawn_by text COLLATE "C";
ALTER TABLE elevator_petitions ADD COLUMN withdraw_reason text COLLATE "C";

-- The project's stages after approval (design review, pipe relocation, construction, acceptance,
-- subsidy granted), one row per petition and stage, recorded by a community worker.
CREATE TABLE elevator_stages (
  id text COLLATE "C" PRIMARY KEY,
  petition_id text COLLATE "C" NOT NULL REFERENCES elevator_petitions (id),
  stage text COLLATE "C" NOT NULL
    CHECK (stage IN ('design-review', 'pipe-relocation', 'construction', 'acceptance', 'subsidy-granted')),
  happened_on date NOT NULL,
  note text COLLATE "C" NOT NULL,
  "by" text COLLATE "C" NOT NULL,
  recorded_at timestamptz NOT NULL,
  UNIQUE (petition_id, stage)
);
CREATE INDEX elevator_stages_by_petition_id ON elevator_stages (petition_id);
