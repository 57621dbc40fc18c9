-- Scheduled snapshots name their calendar month (UTC, `2026-06`); manual ones leave it
-- empty. At most one snapshot per month, so that several app nodes taking the monthly
-- snapshot at once store it once (a unique index allows any number of empty values).
ALTER TABLE network_snapshots ADD COLUMN month TEXT;
CREATE UNIQUE INDEX network_snapshots_month ON network_snapshots(month);
