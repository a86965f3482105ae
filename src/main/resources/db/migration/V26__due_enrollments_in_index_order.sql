-- The soonest due enrollments are read in (next_due_at, id) order at every pass of the engine. With
-- the index on next_due_at alone, PostgreSQL (whose statistics may not yet know the table's size)
-- sorted every active enrollment not held in a queue to find the first few, a cost that grew with
-- the campaign; in this order the read stops at the first rows.
DROP INDEX enrollment_due_alone;
CREATE INDEX enrollment_due_alone ON enrollment (next_due_at, id) WHERE status = 'ACTIVE' AND waiting_channel IS NULL;
