-- Evidence ledger (see src/Modules/Ledger/README.md and docs/adr/0007-ledger-storage-and-sequencing.md).
-- Instants are UTC ticks (INTEGER, 100 ns since 0001-01-01), hashes are raw bytes (BLOB).

-- The sequencer's state: one row. size and root_hash change only in the transaction that adds the entries.
CREATE TABLE ledger_tree (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    size INTEGER NOT NULL,
    root_hash BLOB NOT NULL,
    hash_profile TEXT NULL,
    origin TEXT NULL,
    updated_at INTEGER NOT NULL
);
INSERT INTO ledger_tree (id, size, root_hash, hash_profile, origin, updated_at) VALUES (1, 0, x'', NULL, NULL, 0);

-- Durable, not yet sequenced entries (written by any node, drained by the one sequencer).
CREATE TABLE ledger_pending (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    entry_hash BLOB NOT NULL,
    entry BLOB NOT NULL,
    kind TEXT NOT NULL,
    digest TEXT NOT NULL,
    parties TEXT NOT NULL,
    submitter TEXT NOT NULL,
    reference TEXT NULL,
    entry_time INTEGER NOT NULL,
    received_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_ledger_pending_entry_hash ON ledger_pending (entry_hash);

-- The log: entry bytes are the leaf; idx is dense from 0 (no gaps).
CREATE TABLE ledger_entries (
    idx INTEGER NOT NULL PRIMARY KEY,
    entry_hash BLOB NOT NULL,
    leaf_hash BLOB NOT NULL,
    entry BLOB NOT NULL,
    kind TEXT NOT NULL,
    digest TEXT NOT NULL,
    parties TEXT NOT NULL,
    submitter TEXT NOT NULL,
    reference TEXT NULL,
    entry_time INTEGER NOT NULL,
    sequenced_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_ledger_entries_entry_hash ON ledger_entries (entry_hash);
CREATE INDEX ix_ledger_entries_kind ON ledger_entries (kind, idx);
CREATE INDEX ix_ledger_entries_digest ON ledger_entries (digest);
CREATE INDEX ix_ledger_entries_submitter ON ledger_entries (submitter, idx);

-- C2SP tlog-tiles hash tiles: level L, index N, the first width hashes (32 bytes each). A partial tile grows in place.
CREATE TABLE ledger_tiles (
    level INTEGER NOT NULL,
    tile_index INTEGER NOT NULL,
    width INTEGER NOT NULL,
    hashes BLOB NOT NULL,
    PRIMARY KEY (level, tile_index)
);

-- Signed checkpoints (C2SP tlog-checkpoint in signed-note form), one per tree size, never rewritten.
CREATE TABLE ledger_checkpoints (
    size INTEGER NOT NULL PRIMARY KEY,
    root_hash BLOB NOT NULL,
    note TEXT NOT NULL,
    cosigned_note TEXT NULL,
    cosignatures INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    published_at INTEGER NULL
);
CREATE INDEX ix_ledger_checkpoints_published ON ledger_checkpoints (published_at);

-- Witnesses: the latest size each one has cosigned and how the last submission went.
CREATE TABLE ledger_witness_states (
    name TEXT NOT NULL PRIMARY KEY,
    cosigned_size INTEGER NOT NULL,
    last_status TEXT NOT NULL,
    last_error TEXT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE ledger_cosignatures (
    checkpoint_size INTEGER NOT NULL,
    witness TEXT NOT NULL,
    signature_line TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (checkpoint_size, witness)
);

-- The log's signing keys (Ed25519; optional SM2), private key encrypted with the key-encryption key.
CREATE TABLE ledger_signing_keys (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    algorithm TEXT NOT NULL,
    public_key BLOB NOT NULL,
    private_key_cipher TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_ledger_signing_keys_algorithm ON ledger_signing_keys (algorithm);

-- Partner organisations' Ed25519 keys that sign entries submitted through the API.
CREATE TABLE ledger_submitter_keys (
    key_id TEXT NOT NULL PRIMARY KEY,
    organisation_id TEXT NOT NULL,
    organisation_code TEXT NOT NULL,
    algorithm TEXT NOT NULL,
    public_key BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER NULL
);
CREATE INDEX ix_ledger_submitter_keys_organisation ON ledger_submitter_keys (organisation_id);
