-- Evidence ledger (see src/Modules/Ledger/README.md and docs/adr/0007-ledger-storage-and-sequencing.md).
-- Instants are timestamptz, hashes are raw bytes (bytea).

-- The sequencer's state: one row. size and root_hash change only in the transaction that adds the entries.
CREATE TABLE ledger_tree (
    id integer NOT NULL PRIMARY KEY CHECK (id = 1),
    size bigint NOT NULL,
    root_hash bytea NOT NULL,
    hash_profile text NULL,
    origin text NULL,
    updated_at timestamptz NOT NULL
);
INSERT INTO ledger_tree (id, size, root_hash, hash_profile, origin, updated_at) VALUES (1, 0, '\x'::bytea, NULL, NULL, '0001-01-01T00:00:00Z');

-- Durable, not yet sequenced entries (written by any node, drained by the one sequencer).
CREATE TABLE ledger_pending (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_hash bytea NOT NULL,
    entry bytea NOT NULL,
    kind text NOT NULL,
    digest text NOT NULL,
    parties text NOT NULL,
    submitter text NOT NULL,
    reference text NULL,
    entry_time timestamptz NOT NULL,
    received_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_ledger_pending_entry_hash ON ledger_pending (entry_hash);

-- The log: entry bytes are the leaf; idx is dense from 0 (no gaps).
CREATE TABLE ledger_entries (
    idx bigint NOT NULL PRIMARY KEY,
    entry_hash bytea NOT NULL,
    leaf_hash bytea NOT NULL,
    entry bytea NOT NULL,
    kind text NOT NULL,
    digest text NOT NULL,
    parties text NOT NULL,
    submitter text NOT NULL,
    reference text NULL,
    entry_time timestamptz NOT NULL,
    sequenced_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_ledger_entries_entry_hash ON ledger_entries (entry_hash);
CREATE INDEX ix_ledger_entries_kind ON ledger_entries (kind, idx);
CREATE INDEX ix_ledger_entries_digest ON ledger_entries (digest);
CREATE INDEX ix_ledger_entries_submitter ON ledger_entries (submitter, idx);

-- C2SP tlog-tiles hash tiles: level L, index N, the first width hashes (32 bytes each). A partial tile grows in place.
CREATE TABLE ledger_tiles (
    level integer NOT NULL,
    tile_index bigint NOT NULL,
    width integer NOT NULL,
    hashes bytea NOT NULL,
    PRIMARY KEY (level, tile_index)
);

-- Signed checkpoints (C2SP tlog-checkpoint in signed-note form), one per tree size, never rewritten.
CREATE TABLE ledger_checkpoints (
    size bigint NOT NULL PRIMARY KEY,
    root_hash bytea NOT NULL,
    note text NOT NULL,
    cosigned_note text NULL,
    cosignatures integer NOT NULL,
    created_at timestamptz NOT NULL,
    published_at timestamptz NULL
);
CREATE INDEX ix_ledger_checkpoints_published ON ledger_checkpoints (published_at);

-- Witnesses: the latest size each one has cosigned and how the last submission went.
CREATE TABLE ledger_witness_states (
    name text NOT NULL PRIMARY KEY,
    cosigned_size bigint NOT NULL,
    last_status text NOT NULL,
    last_error text NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE ledger_cosignatures (
    checkpoint_size bigint NOT NULL,
    witness text NOT NULL,
    signature_line text NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (checkpoint_size, witness)
);

-- The log's signing keys (Ed25519; optional SM2), private key encrypted with the key-encryption key.
CREATE TABLE ledger_signing_keys (
    id uuid NOT NULL PRIMARY KEY,
    name text NOT NULL,
    algorithm text NOT NULL,
    public_key bytea NOT NULL,
    private_key_cipher text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_ledger_signing_keys_algorithm ON ledger_signing_keys (algorithm);

-- Partner organisations' Ed25519 keys that sign entries submitted through the API.
CREATE TABLE ledger_submitter_keys (
    key_id text NOT NULL PRIMARY KEY,
    organisation_id uuid NOT NULL,
    organisation_code text NOT NULL,
    algorithm text NOT NULL,
    public_key bytea NOT NULL,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz NULL
);
CREATE INDEX ix_ledger_submitter_keys_organisation ON ledger_submitter_keys (organisation_id);
