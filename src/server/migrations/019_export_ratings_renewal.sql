-- The data export finds a person's photos and the care call-back tasks about their orders.
CREATE INDEX photos_by_owner_id ON photos (owner_id);
CREATE INDEX care_tasks_by_holder_id ON care_tasks (holder_id);

-- Ratings of window appointments and youth-palace courses (好差评), one per thing rated
-- (`<kind>:<subject id>`), with the follow-up a worker answers by the next working day and the one
-- re-rating after it. No foreign key to users: an erased account's ratings are removed with it.
CREATE TABLE ratings (
  id text COLLATE "C" PRIMARY KEY,
  kind text COLLATE "C" NOT NULL,
  subject_id text COLLATE "C" NOT NULL,
  user_id text COLLATE "C" NOT NULL,
  proxy_id text COLLATE "C",
  community_id text COLLATE "C" NOT NULL,
  what text COLLATE "C" NOT NULL,
  link text COLLATE "C" NOT NULL,
  stars integer NOT NULL CHECK (stars BETWEEN 1 AND 5),
  comment text COLLATE "C",
  rated_at timestamptz NOT NULL,
  follow_up_status text COLLATE "C" NOT NULL,
  follow_up_due_at timestamptz,
  follow_up_answer text COLLATE "C",
  follow_up_by_id text COLLATE "C",
  follow_up_at timestamptz,
  re_stars integer CHECK (re_stars BETWEEN 1 AND 5),
  re_comment text COLLATE "C",
  re_rated_at timestamptz
);
CREATE INDEX ratings_by_user_id ON ratings (user_id);
CREATE INDEX ratings_by_community_id_follow_up_status ON ratings (community_id, follow_up_status);
