-- WeChat subscribe messages: what each person accepted per template (one-time acceptances, each
-- used by one message), and the outbox of subscribe messages, written in the transaction of the inbox
-- message they carry and sent after the commit (a row is claimed once: SERIALIZABLE + FOR UPDATE).
CREATE TABLE subscriptions (
  id text COLLATE "C" PRIMARY KEY,
  user_id text COLLATE "C" NOT NULL REFERENCES users (id),
  template text COLLATE "C" NOT NULL,
  accepted integer NOT NULL CHECK (accepted >= 0),
  answer text COLLATE "C" NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX subscriptions_by_user ON subscriptions (user_id);

CREATE TABLE outbox (
  id text COLLATE "C" PRIMARY KEY,
  message_id text COLLATE "C" NOT NULL,
  user_id text COLLATE "C" NOT NULL REFERENCES users (id),
  template text COLLATE "C" NOT NULL,
  page text COLLATE "C" NOT NULL,
  data jsonb NOT NULL,
  state text COLLATE "C" NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'refused', 'failed')),
  attempts integer NOT NULL,
  next_at timestamptz NOT NULL,
  claimed_until timestamptz,
  last_error text COLLATE "C",
  created_at timestamptz NOT NULL,
  done_at timestamptz
);
CREATE INDEX outbox_due ON outbox (state, next_at);
CREATE INDEX outbox_claimed ON outbox (state, claimed_until);
CREATE INDEX outbox_by_user ON outbox (user_id);
