-- Issue 27: a grid worker as 代办 for a registered elder, and phone orders.
-- A worker-held link is a family link of another kind: `kind` 'worker' (NULL = a family link), the
-- `scope` it covers ('care-card') and the last day it holds (`ends_on`, Beijing, inclusive).
ALTER TABLE family_links ADD COLUMN kind text COLLATE "C" CHECK (kind IN ('family', 'worker'));
ALTER TABLE family_links ADD COLUMN scope text COLLATE "C";
ALTER TABLE family_links ADD COLUMN ends_on date;

-- The smallest supervisor role: a worker who may revoke any worker-held link of the community.
ALTER TABLE users ADD COLUMN supervisor boolean;

-- What a worker did for an elder (their 代办 log). No foreign key to users: the log outlives an erased
-- elder's account only until the erase hook removes the elder's rows.
CREATE TABLE proxy_acts (
  id text COLLATE "C" PRIMARY KEY,
  worker_id text COLLATE "C" NOT NULL,
  principal_id text COLLATE "C" NOT NULL,
  link_id text COLLATE "C",
  what text COLLATE "C" NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX proxy_acts_by_worker_id ON proxy_acts (worker_id);
CREATE INDEX proxy_acts_by_principal_id ON proxy_acts (principal_id);

-- Care orders: how the booking came in ('app', or 'phone' for 电话预约 · 96345 keyed in by a worker;
-- NULL = 'app') and the caller's phone; ledger lines: who acted when someone acted for the elder.
ALTER TABLE care_orders ADD COLUMN channel text COLLATE "C";
ALTER TABLE care_orders ADD COLUMN caller_phone text COLLATE "C";
ALTER TABLE care_ledger_entries ADD COLUMN acted_by text COLLATE "C";
ALTER TABLE care_ledger_entries ADD COLUMN actor_name text COLLATE "C";
