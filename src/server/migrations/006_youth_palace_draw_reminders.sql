-- Youth palace: reminders to a community's workers that a term waits for the draw. `draw_reminded_at`
-- is when they were last told; the status index backs the lookup of terms not drawn yet.

ALTER TABLE yp_terms ADD COLUMN draw_reminded_at timestamptz;
CREATE INDEX yp_terms_by_status ON yp_terms (status);
