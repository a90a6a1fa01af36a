-- The data export finds a person's photos and the care call-back tasks about their orders.
CREATE INDEX photos_by_owner_id ON photos (owner_id);
CREATE INDEX care_tasks_by_holder_id ON care_tasks (holder_id);
