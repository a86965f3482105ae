-- The rendered text of each touch: what was sent, or what the task inbox shows to copy,
-- with the A/B variant it came from and whether the coach judged it personal.
ALTER TABLE touch ADD COLUMN variant TEXT;
ALTER TABLE touch ADD COLUMN subject TEXT;
ALTER TABLE touch ADD COLUMN body TEXT;
ALTER TABLE touch ADD COLUMN personalised BOOLEAN;
