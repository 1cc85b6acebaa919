using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TalentPass.Tlog;

namespace TalentPass.UnitTests.Tlog;

/// <summary>A small log built with the library: entries in the Ledger module's v1 JSON shape, a log key, witnesses.</summary>
internal sealed class LogFixture
{
    public const string Origin = "talentpass.example/test/evidence";

    public LogFixture(int entries = 10, HashProfile? profile = null)
    {
        Profile = profile ?? HashProfile.Sha256;
        Store = new MemoryHashStore(Profile);
        for (var i = 0; i < entries; i++)
        {
            Append(Document(i));
        }
    }

    public HashProfile Profile { get; }

    public MemoryHashStore Store { get; }

    public List<byte[]> Entries { get; } = [];

    public Ed25519NoteSigner LogKey { get; } = NoteSigner.GenerateEd25519(Origin);

    public FixedClock Clock { get; } = new(DateTimeOffset.Parse("2026-11-21T06:00:00Z", CultureInfo.InvariantCulture));

    public static byte[] Document(int i) => Encoding.UTF8.GetBytes($"Agreement #{i} between bank A and the talent office.");

    public static byte[] Entry(byte[] document, DateTimeOffset time) => Encoding.ASCII.GetBytes(
        "{\"digest\":\"sha256:" + Convert.ToHexStringLower(SHA256.HashData(document)) +
        "\",\"kind\":\"agreement\",\"parties\":[\"bank-a\",\"talent-office\"],\"submitter\":\"talentpass:test\",\"time\":\"" +
        time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "\",\"v\":1}");

    public long Append(byte[] document)
    {
        var entry = Entry(document, Clock.GetUtcNow().AddMinutes(Entries.Count));
        Entries.Add(entry);
        return Store.Append(entry);
    }

    public Checkpoint Checkpoint(long? size = null)
    {
        var n = size ?? Store.Size;
        return new Checkpoint(Origin, n, Store.TreeHash(n));
    }

    public SignedNote SignedCheckpoint(long? size = null, params NoteSigner[] extra) => Checkpoint(size).Sign([LogKey, .. extra]);

    public TlogProof Bundle(long index, SignedNote checkpoint)
    {
        var size = global::TalentPass.Tlog.Checkpoint.Parse(checkpoint.Text).Size;
        return new TlogProof(index, MerkleTree.ProveRecord(Profile, size, index, Store), checkpoint, Entries[(int)index]);
    }

    public LogPolicy Policy(IEnumerable<NoteSigner>? witnesses = null, int required = 0) =>
        new(Origin, Profile, [LogKey.Verifier], [.. (witnesses ?? []).Select(w => w.Verifier)], required);
}
