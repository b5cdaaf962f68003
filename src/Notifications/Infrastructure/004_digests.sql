-- When a delivery was first due: at once, or at the end of its subscription's digest period. The retry window is
-- counted from here, so a delivery held for a weekly digest still has its full window when it is first sent.
ALTER TABLE deliveries ADD COLUMN IF NOT EXISTS due_at timestamptz NOT NULL DEFAULT now();
