-- Room verification by the community (issue 27): a tenant's or family member's binding waits
-- (verified = false, decided_at NULL) until a worker of the room's community approves it (verified = true)
-- or rejects it with a reason (rejected_reason set); decided_by is the worker's user id.
ALTER TABLE room_bindings ADD COLUMN decided_at timestamptz;
ALTER TABLE room_bindings ADD COLUMN decided_by text COLLATE "C";
ALTER TABLE room_bindings ADD COLUMN rejected_reason text COLLATE "C";
CREATE INDEX room_bindings_pending ON room_bindings (verified, decided_at);

-- A window appointment marked 已办结 at the hall by a community worker (status stays 'booked').
ALTER TABLE one_thing_appointments ADD COLUMN done_at timestamptz;
ALTER TABLE one_thing_appointments ADD COLUMN done_by text COLLATE "C";
