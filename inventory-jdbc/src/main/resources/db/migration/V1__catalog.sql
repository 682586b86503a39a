-- The catalog that imports map onto. Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

CREATE TABLE owners (
    id   VARCHAR(128) NOT NULL,
    name VARCHAR(255) NOT NULL,
    CONSTRAINT owners_pk PRIMARY KEY (id)
);

CREATE TABLE compute_offerings (
    id               VARCHAR(128) NOT NULL,
    name             VARCHAR(255) NOT NULL,
    custom           BOOLEAN      NOT NULL,
    min_vcpus        INTEGER      NOT NULL,
    max_vcpus        INTEGER      NOT NULL,
    min_memory_bytes BIGINT       NOT NULL,
    max_memory_bytes BIGINT       NOT NULL,
    CONSTRAINT compute_offerings_pk PRIMARY KEY (id),
    CONSTRAINT compute_offerings_bounds CHECK (min_vcpus >= 1 AND max_vcpus >= min_vcpus
        AND min_memory_bytes >= 1 AND max_memory_bytes >= min_memory_bytes)
);

-- range_*_num hold the addresses as numbers so that the lowest free address is found in SQL.
CREATE TABLE networks (
    id              VARCHAR(128) NOT NULL,
    name            VARCHAR(255) NOT NULL,
    range_first     VARCHAR(15)  NOT NULL,
    range_last      VARCHAR(15)  NOT NULL,
    range_first_num BIGINT       NOT NULL,
    range_last_num  BIGINT       NOT NULL,
    vlan            INTEGER,
    CONSTRAINT networks_pk PRIMARY KEY (id),
    CONSTRAINT networks_range CHECK (range_first_num <= range_last_num)
);

CREATE TABLE storage_pools (
    id                   VARCHAR(128)  NOT NULL,
    name                 VARCHAR(255)  NOT NULL,
    path                 VARCHAR(4096),
    hypervisor_pool_name VARCHAR(255),
    CONSTRAINT storage_pools_pk PRIMARY KEY (id)
);

CREATE TABLE disk_offerings (
    id         VARCHAR(128) NOT NULL,
    name       VARCHAR(255) NOT NULL,
    size_bytes BIGINT       NOT NULL,
    custom     BOOLEAN      NOT NULL,
    CONSTRAINT disk_offerings_pk PRIMARY KEY (id)
);

CREATE TABLE templates (
    id      VARCHAR(128) NOT NULL,
    name    VARCHAR(255) NOT NULL,
    os_type VARCHAR(255),
    CONSTRAINT templates_pk PRIMARY KEY (id)
);

-- Who may use a catalog entry; an entry without rows here is usable by every owner.
CREATE TABLE catalog_entry_owners (
    entry_kind VARCHAR(32)  NOT NULL,
    entry_id   VARCHAR(128) NOT NULL,
    owner_id   VARCHAR(128) NOT NULL,
    CONSTRAINT catalog_entry_owners_pk PRIMARY KEY (entry_kind, entry_id, owner_id),
    CONSTRAINT catalog_entry_owners_kind
        CHECK (entry_kind IN ('OFFERING', 'NETWORK', 'POOL', 'DISK_OFFERING', 'TEMPLATE'))
);
