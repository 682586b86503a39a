-- Compute sizing: an offering may state a CPU speed per vCPU (bounds when custom) and whether it caps the CPU; a
-- managed instance keeps its CPU topology, mode and model, the speed and cap it was imported with, and whether it
-- takes a new size at its next start. Every new column is optional, so existing rows stay valid.

ALTER TABLE compute_offerings ADD COLUMN min_cpu_speed_mhz INTEGER;
ALTER TABLE compute_offerings ADD COLUMN max_cpu_speed_mhz INTEGER;
ALTER TABLE compute_offerings ADD COLUMN cpu_capped BOOLEAN;
ALTER TABLE compute_offerings ADD CONSTRAINT compute_offerings_cpu_speed CHECK (
    (min_cpu_speed_mhz IS NULL OR min_cpu_speed_mhz >= 1)
    AND (max_cpu_speed_mhz IS NULL OR max_cpu_speed_mhz >= 1)
    AND (min_cpu_speed_mhz IS NULL OR max_cpu_speed_mhz IS NULL OR max_cpu_speed_mhz >= min_cpu_speed_mhz));

ALTER TABLE managed_instances ADD COLUMN cpu_sockets INTEGER;
ALTER TABLE managed_instances ADD COLUMN cpu_dies INTEGER;
ALTER TABLE managed_instances ADD COLUMN cpu_cores INTEGER;
ALTER TABLE managed_instances ADD COLUMN cpu_threads INTEGER;
ALTER TABLE managed_instances ADD COLUMN cpu_mode VARCHAR(64);
ALTER TABLE managed_instances ADD COLUMN cpu_model VARCHAR(255);
ALTER TABLE managed_instances ADD COLUMN cpu_speed_mhz INTEGER;
ALTER TABLE managed_instances ADD COLUMN cpu_cap DOUBLE PRECISION;
ALTER TABLE managed_instances ADD COLUMN resize_pending_at_start BOOLEAN DEFAULT FALSE NOT NULL;
