-- Uploaded photos (`POST /api/photos`): who sent each, its kind and size, and the row it is attached
-- to (NULL while pending: such rows are swept after a day). The bytes are the image of the same id.
CREATE TABLE photos (
  id text COLLATE "C" PRIMARY KEY,
  owner_id text COLLATE "C" NOT NULL REFERENCES users (id),
  content_type text COLLATE "C" NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes integer NOT NULL CHECK (bytes > 0 AND bytes <= 2097152),
  uploaded_at timestamptz NOT NULL,
  attached_to text COLLATE "C"
);
CREATE INDEX photos_by_attached_to ON photos (attached_to, uploaded_at);
