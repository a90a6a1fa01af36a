-- Personal data (PIPL arts. 28, 51): ID numbers are stored encrypted by the server (AES-256-GCM,
-- `v1:<key id>:<iv>:<tag>:<ciphertext>`), each with a keyed hash (HMAC-SHA-256, hex) in a `_hash`
-- column beside it; lookups, the key and unique constraints use the hash. SQL cannot encrypt: the
-- server seals rows still in plain text right after the migrations (`sealPersonalData`,
-- src/server/pii-reseal.ts). The CHECKs (NOT VALID: rows from before are sealed by that step) refuse
-- any new plain-text value from whatever writes to these tables.
-- And the log of which worker opened which resident's application or photos (PIPL art. 45: shown in
-- the resident's data export).

ALTER TABLE users ADD COLUMN id_number_hash text COLLATE "C";
DROP INDEX users_one_per_id_number;
DROP INDEX users_by_id_number;
-- One live account per ID number.
CREATE UNIQUE INDEX users_one_per_id_number ON users (id_number_hash) WHERE deleted_at IS NULL;
CREATE INDEX users_by_id_number ON users (id_number_hash, deleted_at);
ALTER TABLE users ADD CONSTRAINT users_id_number_sealed
  CHECK (id_number IS NULL OR (id_number LIKE 'v1:%' AND id_number_hash IS NOT NULL)) NOT VALID;

ALTER TABLE property_register ADD COLUMN owner_id_number_hash text COLLATE "C";
DROP INDEX property_register_by_owner;
CREATE INDEX property_register_by_owner ON property_register (owner_id_number_hash);
ALTER TABLE property_register ADD CONSTRAINT property_register_owner_id_number_sealed
  CHECK (owner_id_number LIKE 'v1:%' AND owner_id_number_hash IS NOT NULL) NOT VALID;

-- The register's key is the ID number: by its hash (filled by the sealing step, then unique).
ALTER TABLE population_register ADD COLUMN id_number_hash text COLLATE "C";
ALTER TABLE population_register DROP CONSTRAINT population_register_pkey;
CREATE UNIQUE INDEX population_register_by_id_number ON population_register (id_number_hash);
ALTER TABLE population_register ADD CONSTRAINT population_register_id_number_sealed
  CHECK (id_number LIKE 'v1:%' AND id_number_hash IS NOT NULL) NOT VALID;

-- The keys every sealed value and hash is under, once the sealing step (or a reset) made it so: a start
-- with the same keys skips the step (no scan of the big tables); a start with other keys runs it.
CREATE TABLE pii_seal_state (
  id text COLLATE "C" PRIMARY KEY CHECK (id = 'keys'),
  key_id text COLLATE "C" NOT NULL,
  hash_key_id text COLLATE "C" NOT NULL
);

CREATE TABLE pii_access_log (
  id text COLLATE "C" PRIMARY KEY,
  worker_id text COLLATE "C" NOT NULL REFERENCES users (id),
  worker_name text COLLATE "C" NOT NULL,
  resident_id text COLLATE "C" NOT NULL REFERENCES users (id),
  kind text COLLATE "C" NOT NULL CHECK (kind IN ('application', 'photo')),
  subject_id text COLLATE "C" NOT NULL,
  what text COLLATE "C" NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX pii_access_log_by_resident ON pii_access_log (resident_id, at);
