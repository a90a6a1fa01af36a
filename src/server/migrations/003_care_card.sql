-- Elderly-care service card (养老服务爱心卡): providers and services, applications, cards, the ledger
-- (one row per entry, `seq` per card), orders and call-back tasks. Money is integer fen.
-- jsonb: groups, proofs, rejection, acts, rating, dispute, slot times (value objects, never queried).

CREATE TABLE care_providers (
  id text COLLATE "C" PRIMARY KEY,
  rank integer NOT NULL,
  community_id text COLLATE "C" NOT NULL REFERENCES communities (id),
  name text COLLATE "C" NOT NULL,
  phone text COLLATE "C" NOT NULL,
  address text COLLATE "C" NOT NULL
);
CREATE INDEX care_providers_by_community_id ON care_providers (community_id);

CREATE TABLE care_services (
  id text COLLATE "C" PRIMARY KEY,
  provider_id text COLLATE "C" NOT NULL REFERENCES care_providers (id),
  rank integer NOT NULL,
  kind text COLLATE "C" NOT NULL,
  name text COLLATE "C" NOT NULL,
  price_fen integer NOT NULL CHECK (price_fen >= 0),
  unit text COLLATE "C" NOT NULL,
  duration_minutes integer NOT NULL,
  slot_times jsonb NOT NULL,
  capacity integer NOT NULL CHECK (capacity > 0)
);
CREATE INDEX care_services_by_provider_id ON care_services (provider_id);

CREATE TABLE care_applications (
  id text COLLATE "C" PRIMARY KEY,
  applicant_id text COLLATE "C" NOT NULL REFERENCES users (id),
  community_id text COLLATE "C" NOT NULL REFERENCES communities (id),
  proxy_id text COLLATE "C",
  groups jsonb NOT NULL,
  proofs jsonb NOT NULL,
  status text COLLATE "C" NOT NULL,
  cycle integer NOT NULL,
  monthly_credit_fen integer NOT NULL,
  tier_reason text COLLATE "C" NOT NULL,
  submitted_at timestamptz NOT NULL,
  community_due_date date NOT NULL,
  street_due_date date,
  rejection jsonb,
  active_from date,
  card_id text COLLATE "C",
  acts jsonb NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX care_applications_by_applicant_id_status ON care_applications (applicant_id, status);
CREATE INDEX care_applications_by_community_id_status ON care_applications (community_id, status);

CREATE TABLE care_cards (
  id text COLLATE "C" PRIMARY KEY,
  holder_id text COLLATE "C" NOT NULL REFERENCES users (id),
  community_id text COLLATE "C" NOT NULL,
  application_id text COLLATE "C" NOT NULL REFERENCES care_applications (id),
  birth_date date NOT NULL,
  groups jsonb NOT NULL,
  active_from date NOT NULL,
  code_secret text COLLATE "C" NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (holder_id) -- one card per person
);
CREATE INDEX care_cards_by_holder_id ON care_cards (holder_id);

CREATE TABLE care_ledger_entries (
  id text COLLATE "C" PRIMARY KEY,
  card_id text COLLATE "C" NOT NULL REFERENCES care_cards (id),
  seq integer NOT NULL,
  entry_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  amount_fen integer NOT NULL,
  at text COLLATE "C" NOT NULL,
  year integer NOT NULL,
  order_id text COLLATE "C",
  month text COLLATE "C",
  note text COLLATE "C" NOT NULL,
  UNIQUE (card_id, seq)
);
CREATE INDEX care_ledger_entries_by_card_id ON care_ledger_entries (card_id);

CREATE TABLE care_orders (
  id text COLLATE "C" PRIMARY KEY,
  card_id text COLLATE "C" NOT NULL REFERENCES care_cards (id),
  holder_id text COLLATE "C" NOT NULL REFERENCES users (id),
  community_id text COLLATE "C" NOT NULL,
  provider_id text COLLATE "C" NOT NULL,
  service_id text COLLATE "C" NOT NULL REFERENCES care_services (id),
  price_fen integer NOT NULL CHECK (price_fen >= 0),
  slot_id text COLLATE "C" NOT NULL,
  start_at timestamptz NOT NULL,
  status text COLLATE "C" NOT NULL,
  created_at timestamptz NOT NULL,
  proxy_id text COLLATE "C",
  delivered_at timestamptz,
  delivered_by_id text COLLATE "C",
  rating jsonb,
  dispute_status text COLLATE "C",
  dispute jsonb,
  acts jsonb NOT NULL
);
CREATE INDEX care_orders_by_holder_id_status ON care_orders (holder_id, status);
CREATE INDEX care_orders_by_slot_id_holder_id ON care_orders (slot_id, holder_id);
CREATE INDEX care_orders_by_service_id ON care_orders (service_id);
CREATE INDEX care_orders_by_community_id_status ON care_orders (community_id, status);
CREATE INDEX care_orders_by_community_id_dispute_status ON care_orders (community_id, dispute_status);

CREATE TABLE care_tasks (
  id text COLLATE "C" PRIMARY KEY,
  kind text COLLATE "C" NOT NULL,
  order_id text COLLATE "C" NOT NULL REFERENCES care_orders (id),
  community_id text COLLATE "C" NOT NULL,
  holder_id text COLLATE "C" NOT NULL,
  stars integer NOT NULL,
  comment text COLLATE "C",
  created_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  status text COLLATE "C" NOT NULL,
  done_at timestamptz,
  done_by_id text COLLATE "C",
  outcome text COLLATE "C"
);
CREATE INDEX care_tasks_by_community_id_status ON care_tasks (community_id, status);

-- One live booking per slot and person.
CREATE UNIQUE INDEX care_orders_one_per_slot ON care_orders (slot_id, holder_id) WHERE status = 'booked';
