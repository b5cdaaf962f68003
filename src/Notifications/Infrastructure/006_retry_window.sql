-- A delivery's retry window begins at due_at, and the back-off grows with the attempts made since: window_attempts.
-- Sending a delivery again, or resuming its paused or disabled subscription, moves due_at to that moment and starts
-- the count again, so it has a day of retries backing off from the first step; attempts goes on counting every
-- attempt for the delivery log.
ALTER TABLE deliveries ADD COLUMN IF NOT EXISTS window_attempts int NOT NULL DEFAULT 0;
