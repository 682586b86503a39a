-- Automatic addresses in constant time per reservation, without contention (see AddressAllocation).
-- A network's range is cut into blocks; a block not yet handed to the allocator is a row of
-- ip_unfilled_blocks. Filling a block writes each of its addresses that is not reserved into
-- ip_free_addresses; a reservation takes the lowest free row that no other transaction holds (FOR UPDATE SKIP
-- LOCKED), and a release puts the address back when its block is filled. ip_allocation_ranges records the range
-- the blocks were cut from: a network without a row here (or with another range) is cut again on first use.

CREATE TABLE ip_allocation_ranges (
    network_id      VARCHAR(128) NOT NULL,
    range_first_num BIGINT       NOT NULL,
    range_last_num  BIGINT       NOT NULL,
    CONSTRAINT ip_allocation_ranges_pk PRIMARY KEY (network_id),
    CONSTRAINT ip_allocation_ranges_network FOREIGN KEY (network_id) REFERENCES networks (id)
);

CREATE TABLE ip_unfilled_blocks (
    network_id  VARCHAR(128) NOT NULL,
    block_first BIGINT       NOT NULL,
    block_last  BIGINT       NOT NULL,
    CONSTRAINT ip_unfilled_blocks_pk PRIMARY KEY (network_id, block_first),
    CONSTRAINT ip_unfilled_blocks_network FOREIGN KEY (network_id) REFERENCES networks (id)
);

CREATE TABLE ip_free_addresses (
    network_id  VARCHAR(128) NOT NULL,
    address_num BIGINT       NOT NULL,
    CONSTRAINT ip_free_addresses_pk PRIMARY KEY (network_id, address_num),
    CONSTRAINT ip_free_addresses_network FOREIGN KEY (network_id) REFERENCES networks (id)
);
