-- Rate-limit counters shared by every server process: one row per key (e.g. `writes:user:u-wang`)
-- and fixed window (its start, epoch ms), counted with INSERT … ON CONFLICT DO UPDATE … RETURNING.
-- Times are epoch milliseconds from the server's clock (SQL never calls now()).
CREATE TABLE rate_limits (
  key text COLLATE "C" NOT NULL,
  window_start bigint NOT NULL,
  hits integer NOT NULL,
  expires_at bigint NOT NULL,
  PRIMARY KEY (key, window_start)
);
CREATE INDEX rate_limits_expires_at ON rate_limits (expires_at);
