-- Managed instances and the addresses they hold. Uniqueness lives in constraints, so that it holds across
-- every process sharing the database: one row per instance UUID, one MAC and one IP per network.

CREATE TABLE managed_instances (
    uuid             CHAR(36)                 NOT NULL,
    name             VARCHAR(255)             NOT NULL,
    display_name     VARCHAR(255)             NOT NULL,
    host_id          VARCHAR(255)             NOT NULL,
    host_hypervisor  VARCHAR(64)              NOT NULL,
    host_address     VARCHAR(1024)            NOT NULL,
    owner_id         VARCHAR(128)             NOT NULL,
    offering_id      VARCHAR(128)             NOT NULL,
    template_id      VARCHAR(128),
    vcpus            INTEGER                  NOT NULL,
    memory_bytes     BIGINT                   NOT NULL,
    -- imported_at keeps microseconds (PostgreSQL's limit); imported_at_nano keeps the exact nano-of-second.
    imported_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_at_nano INTEGER                  NOT NULL,
    CONSTRAINT managed_instances_pk PRIMARY KEY (uuid)
);

CREATE INDEX managed_instances_by_name ON managed_instances (name);

CREATE TABLE managed_disks (
    instance_uuid    CHAR(36)      NOT NULL,
    disk_index       INTEGER       NOT NULL,
    target_dev       VARCHAR(64)   NOT NULL,
    source           VARCHAR(4096),
    pool_id          VARCHAR(128)  NOT NULL,
    disk_offering_id VARCHAR(128),
    size_bytes       BIGINT,
    CONSTRAINT managed_disks_pk PRIMARY KEY (instance_uuid, disk_index),
    CONSTRAINT managed_disks_instance FOREIGN KEY (instance_uuid)
        REFERENCES managed_instances (uuid) ON DELETE CASCADE
);

CREATE TABLE managed_nics (
    instance_uuid CHAR(36)     NOT NULL,
    nic_index     INTEGER      NOT NULL,
    mac           VARCHAR(17)  NOT NULL,
    network_id    VARCHAR(128) NOT NULL,
    ip_address    VARCHAR(15),
    CONSTRAINT managed_nics_pk PRIMARY KEY (instance_uuid, nic_index),
    CONSTRAINT managed_nics_instance FOREIGN KEY (instance_uuid)
        REFERENCES managed_instances (uuid) ON DELETE CASCADE
);

-- Reservations belong to a catalog network. They name their holder without a foreign key: a unit of work
-- may reserve addresses before it records the instance, and H2 cannot defer constraint checks to commit.
CREATE TABLE mac_reservations (
    network_id    VARCHAR(128) NOT NULL,
    mac           VARCHAR(17)  NOT NULL,
    instance_uuid CHAR(36)     NOT NULL,
    CONSTRAINT mac_reservations_pk PRIMARY KEY (network_id, mac),
    CONSTRAINT mac_reservations_network FOREIGN KEY (network_id) REFERENCES networks (id)
);

CREATE INDEX mac_reservations_by_instance ON mac_reservations (instance_uuid);

CREATE TABLE ip_reservations (
    network_id    VARCHAR(128) NOT NULL,
    address       VARCHAR(15)  NOT NULL,
    address_num   BIGINT       NOT NULL,
    instance_uuid CHAR(36)     NOT NULL,
    CONSTRAINT ip_reservations_pk PRIMARY KEY (network_id, address_num),
    CONSTRAINT ip_reservations_address UNIQUE (network_id, address),
    CONSTRAINT ip_reservations_network FOREIGN KEY (network_id) REFERENCES networks (id)
);

CREATE INDEX ip_reservations_by_instance ON ip_reservations (instance_uuid);
