-- The core: demo settings, places and registers, people, sessions, family links, messages,
-- idempotency records, rate-limit attempts and the photo index. PostgreSQL 15 features only.
-- Text is COLLATE "C" (code-point order, as the in-app store sorts); instants timestamptz; areas m².

CREATE TABLE settings (
  id text COLLATE "C" PRIMARY KEY CHECK (id = 'demo'),
  clock_offset_ms bigint NOT NULL,
  faults jsonb NOT NULL,
  fault_state bigint NOT NULL,
  seeded_at timestamptz NOT NULL
);

CREATE TABLE communities (
  id text COLLATE "C" PRIMARY KEY,
  name text COLLATE "C" NOT NULL,
  city text COLLATE "C" NOT NULL,
  district text COLLATE "C" NOT NULL,
  street text COLLATE "C" NOT NULL,
  grid_worker jsonb NOT NULL
);

CREATE TABLE buildings (
  id text COLLATE "C" PRIMARY KEY,
  community_id text COLLATE "C" NOT NULL REFERENCES communities (id),
  name text COLLATE "C" NOT NULL,
  storeys integer NOT NULL CHECK (storeys > 0)
);

CREATE TABLE units (
  id text COLLATE "C" PRIMARY KEY,
  building_id text COLLATE "C" NOT NULL REFERENCES buildings (id),
  community_id text COLLATE "C" NOT NULL REFERENCES communities (id),
  name text COLLATE "C" NOT NULL,
  storeys integer NOT NULL CHECK (storeys > 0)
);

CREATE TABLE rooms (
  id text COLLATE "C" PRIMARY KEY,
  unit_id text COLLATE "C" NOT NULL REFERENCES units (id),
  building_id text COLLATE "C" NOT NULL REFERENCES buildings (id),
  community_id text COLLATE "C" NOT NULL REFERENCES communities (id),
  name text COLLATE "C" NOT NULL,
  floor integer NOT NULL
);
CREATE INDEX rooms_by_community ON rooms (community_id);
CREATE INDEX rooms_by_unit ON rooms (unit_id, floor);

CREATE TABLE property_register (
  room_id text COLLATE "C" PRIMARY KEY REFERENCES rooms (id),
  owner_id_number text COLLATE "C" NOT NULL,
  area numeric(10, 2) NOT NULL CHECK (area > 0)
);
CREATE INDEX property_register_by_owner ON property_register (owner_id_number);

CREATE TABLE population_register (
  id_number text COLLATE "C" PRIMARY KEY,
  name text COLLATE "C" NOT NULL,
  phone text COLLATE "C" NOT NULL
);

CREATE TABLE users (
  id text COLLATE "C" PRIMARY KEY,
  nickname text COLLATE "C" NOT NULL,
  persona text COLLATE "C" NOT NULL,
  rank integer NOT NULL,
  community_id text COLLATE "C" NOT NULL REFERENCES communities (id),
  role text COLLATE "C" NOT NULL CHECK (role IN ('resident', 'worker')),
  real_name text COLLATE "C",
  id_number text COLLATE "C",
  real_name_bound_at timestamptz,
  phone text COLLATE "C",
  privacy_accepted_at timestamptz,
  created_at timestamptz NOT NULL,
  deleted_at timestamptz
);
-- One live account per ID number.
CREATE UNIQUE INDEX users_one_per_id_number ON users (id_number) WHERE deleted_at IS NULL;
CREATE INDEX users_by_id_number ON users (id_number, deleted_at);
CREATE INDEX users_by_community_role ON users (community_id, role, deleted_at);
CREATE INDEX users_by_deleted_at ON users (deleted_at, rank);

CREATE TABLE room_bindings (
  id text COLLATE "C" PRIMARY KEY,
  user_id text COLLATE "C" NOT NULL REFERENCES users (id),
  room_id text COLLATE "C" NOT NULL REFERENCES rooms (id),
  role text COLLATE "C" NOT NULL CHECK (role IN ('owner', 'tenant', 'family')),
  area numeric(10, 2),
  verified boolean NOT NULL,
  bound_at timestamptz NOT NULL,
  UNIQUE (user_id, room_id)
);
CREATE INDEX room_bindings_by_room ON room_bindings (room_id);

CREATE TABLE sessions (
  token text COLLATE "C" PRIMARY KEY,
  user_id text COLLATE "C" NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE family_links (
  id text COLLATE "C" PRIMARY KEY,
  proxy_id text COLLATE "C" NOT NULL REFERENCES users (id),
  principal_id text COLLATE "C" NOT NULL REFERENCES users (id),
  relationship text COLLATE "C" NOT NULL,
  status text COLLATE "C" NOT NULL CHECK (status IN ('pending', 'confirmed', 'declined', 'revoked')),
  requested_by text COLLATE "C" NOT NULL,
  requested_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  confirmed_by text COLLATE "C",
  authorization_image_id text COLLATE "C",
  closed_at timestamptz,
  closed_by text COLLATE "C",
  CHECK (proxy_id <> principal_id)
);
-- At most one open (pending or confirmed) link from one proxy to one principal.
CREATE UNIQUE INDEX family_links_one_open ON family_links (proxy_id, principal_id) WHERE status IN ('pending', 'confirmed');
CREATE INDEX family_links_by_pair ON family_links (proxy_id, principal_id, status);
CREATE INDEX family_links_by_principal ON family_links (principal_id, status);
CREATE INDEX family_links_by_proxy ON family_links (proxy_id);
CREATE INDEX family_links_by_status ON family_links (status);

CREATE TABLE messages (
  id text COLLATE "C" PRIMARY KEY,
  user_id text COLLATE "C" NOT NULL REFERENCES users (id),
  title text COLLATE "C" NOT NULL,
  body text COLLATE "C" NOT NULL,
  link text COLLATE "C",
  ref text COLLATE "C",
  created_at timestamptz NOT NULL,
  read_at timestamptz
);
CREATE INDEX messages_by_user ON messages (user_id, created_at DESC, id DESC);
CREATE INDEX messages_by_user_read ON messages (user_id, read_at);
CREATE INDEX messages_by_user_ref ON messages (user_id, ref, read_at);

CREATE TABLE idempotency (
  id text COLLATE "C" PRIMARY KEY,
  user_id text COLLATE "C" NOT NULL,
  key text COLLATE "C" NOT NULL,
  request_hash text COLLATE "C" NOT NULL,
  status integer NOT NULL,
  body jsonb,
  at timestamptz NOT NULL,
  UNIQUE (user_id, key)
);
CREATE INDEX idempotency_by_at ON idempotency (at);

CREATE TABLE attempts (
  id text COLLATE "C" PRIMARY KEY,
  key text COLLATE "C" NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX attempts_by_key ON attempts (key, at);
CREATE INDEX attempts_by_at ON attempts (at);

-- Photos live in the blob store; a row per photo a committed transaction wrote (the orphan sweep
-- removes files no row names).
CREATE TABLE images (
  id text COLLATE "C" PRIMARY KEY
);
