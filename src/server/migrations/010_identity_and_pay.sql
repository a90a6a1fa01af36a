-- Issue 24, identity: login sessions replace `sessions`, which kept tokens in clear. A session keeps
-- only the SHA-256 of its token; it expires 30 days idle or 180 days after login (`expires_at`, moved on
-- when `last_seen_at` is written, at most hourly). Every session of the old table ends: people log in again.
DROP TABLE sessions;

CREATE TABLE login_sessions (
  id text COLLATE "C" PRIMARY KEY,
  token_hash text COLLATE "C" NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  user_id text COLLATE "C" NOT NULL REFERENCES users (id),
  method text COLLATE "C" NOT NULL CHECK (method IN ('wechat', 'persona')),
  device text COLLATE "C",
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > created_at)
);
CREATE INDEX login_sessions_by_user_id ON login_sessions (user_id);
CREATE INDEX login_sessions_by_expires_at ON login_sessions (expires_at);

-- WeChat login: the account of an openid (one live account per openid; erased when the account is deleted).
ALTER TABLE users ADD COLUMN wechat_openid text COLLATE "C";
CREATE UNIQUE INDEX users_by_wechat_openid ON users (wechat_openid);
