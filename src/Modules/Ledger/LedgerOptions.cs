using System.ComponentModel.DataAnnotations;

namespace TalentPass.Modules.Ledger;

/// <summary>Configuration section <c>Ledger</c> (see README.md).</summary>
internal sealed class LedgerOptions
{
    public const string Section = "Ledger";

    /// <summary>The log's identity, the first line of every checkpoint (no scheme, no trailing slash).</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._/-]{2,199}$")]
    public string Origin { get; set; } = "talentpass.example/zhongyuan/evidence";

    /// <summary><c>sha256</c> (default, interoperable) or <c>sm3</c>. Fixed once the log has entries.</summary>
    [Required]
    [RegularExpression("^(sha256|sm3)$")]
    public string HashProfile { get; set; } = "sha256";

    /// <summary>A batch is cut at this many entries ...</summary>
    [Range(1, 4096)]
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>... or when its first entry has waited this long (group commit: under load batches fill without waiting).</summary>
    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A batch is also cut when no further entry arrived for this long (keeps latency low under light load).</summary>
    public TimeSpan BatchIdleCut { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>How often the web host's sequencer drains entries written by other nodes and publishes a checkpoint.</summary>
    public TimeSpan SequencerInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A new checkpoint is published at most this often when the tree grew (and on demand).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Base64 of 32 bytes: encrypts the log's private signing keys in the database.</summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>Generate the key-encryption key into <see cref="GeneratedKeyFile"/> when not configured (demo / development).</summary>
    public bool AllowGeneratedKeys { get; set; }

    public string GeneratedKeyFile { get; set; } = "data/keys/ledger-kek.json";

    /// <summary>Also sign checkpoints with SM2 (an extra signature line).</summary>
    public bool Sm2Signature { get; set; }

    /// <summary>Witnesses the log submits each new checkpoint to (C2SP tlog-witness).</summary>
    public List<WitnessOptions> Witnesses { get; set; } = [];

    /// <summary>How many of <see cref="Witnesses"/> must cosign before a checkpoint is published (k of n).</summary>
    [Range(0, 64)]
    public int WitnessQuorum { get; set; }

    /// <summary>Largest canonical entry accepted (bytes).</summary>
    [Range(256, 65535)]
    public int MaxEntryBytes { get; set; } = 4096;
}

internal sealed class WitnessOptions
{
    /// <summary>The witness's signed-note key name.</summary>
    [Required]
    public string Name { get; set; } = string.Empty;

    /// <summary>The witness's base URL (the add-checkpoint endpoint is <c>&lt;Url&gt;/add-checkpoint</c>).</summary>
    [Required]
    public Uri? Url { get; set; }

    /// <summary>The witness's verifier key <c>&lt;name&gt;+&lt;hex&gt;+&lt;base64&gt;</c>.</summary>
    [Required]
    public string VerifierKey { get; set; } = string.Empty;
}
