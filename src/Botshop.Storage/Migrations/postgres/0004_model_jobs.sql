-- Background retraining with a lease, and model activation history. Keep in step with ../sqlite/0004_model_jobs.sql.

-- When a version last became active: rollback goes to the version activated before the current one.
ALTER TABLE model_versions ADD COLUMN activated_at BIGINT;
UPDATE model_versions SET activated_at = created_at WHERE is_active;

-- A running job belongs to one worker while its heartbeat is fresh; a job whose worker went silent for longer than
-- the lease is taken over by another (attempts counts the claims, so a job that kills its worker is not retried forever).
ALTER TABLE training_jobs ADD COLUMN worker         TEXT;
ALTER TABLE training_jobs ADD COLUMN heartbeat_at   BIGINT;
ALTER TABLE training_jobs ADD COLUMN attempts       INTEGER NOT NULL DEFAULT 0;
ALTER TABLE training_jobs ADD COLUMN progress_step  INTEGER;
ALTER TABLE training_jobs ADD COLUMN progress_total INTEGER;
