-- The redo journal of an embedded H2 inventory (see RedoJournal): the one row names the database the journal
-- file belongs to and the last journal record whose unit of work this database holds. Each journaled unit of work
-- updates the row in its own transaction, so the database and the journal agree on where replay starts. Other
-- databases (PostgreSQL, H2 over a server) make every commit durable themselves and leave the table empty.

CREATE TABLE redo_journal_state (
    id            INTEGER  NOT NULL,
    database_id   CHAR(36) NOT NULL,
    last_sequence BIGINT   NOT NULL,
    CONSTRAINT redo_journal_state_pk PRIMARY KEY (id),
    CONSTRAINT redo_journal_state_one_row CHECK (id = 1)
);
