-- Hypervisors allow instance names longer than 255 characters (libvirt sets no limit on transient domains), and
-- an instance that can be listed must be importable. 1024 characters keep a name within PostgreSQL's B-tree
-- entry limit for the index on it; both databases accept this form.
ALTER TABLE managed_instances ALTER COLUMN name SET DATA TYPE VARCHAR(1024);
