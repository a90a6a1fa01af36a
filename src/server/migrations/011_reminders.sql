-- Scheduled reminders (issue 26): one row per reminder sent, keyed `<kind>:<ref>:<user id>`, inserted
-- in the message's transaction so that several server processes running the job send each once (a
-- second insert is a unique violation, and that process skips it).
CREATE TABLE reminders_sent (
  id text COLLATE "C" PRIMARY KEY,
  kind text COLLATE "C" NOT NULL,
  ref text COLLATE "C" NOT NULL,
  user_id text COLLATE "C" NOT NULL REFERENCES users (id),
  sent_at timestamptz NOT NULL
);
CREATE INDEX reminders_sent_by_user ON reminders_sent (user_id);

-- 我的 → 消息设置: the reminder kinds a person turned off.
CREATE TABLE message_settings (
  user_id text COLLATE "C" PRIMARY KEY REFERENCES users (id),
  muted jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);
