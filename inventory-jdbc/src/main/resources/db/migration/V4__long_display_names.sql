-- A display name defaults to the instance's name, so it takes names as long as V3 allows.
ALTER TABLE managed_instances ALTER COLUMN display_name SET DATA TYPE VARCHAR(1024);
