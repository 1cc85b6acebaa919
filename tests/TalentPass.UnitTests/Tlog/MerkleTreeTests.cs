using System.Text;
using TalentPass.Tlog;

namespace TalentPass.UnitTests.Tlog;

/// <summary>
/// Vectors: the RFC 6962 reference test data used by Certificate Transparency and Trillian
/// (certificate-transparency-go <c>merkle/testonly</c> / Trillian <c>merkle/rfc6962</c> tests: eight leaves
/// "", 00, 10, 2021, 3031, 40414243, 5051525354555657, 606162636465666768696a6b6c6d6e6f, their roots, inclusion
/// and consistency proofs). The exhaustive round trips follow Go's <c>golang.org/x/mod/sumdb/tlog</c> <c>TestTree</c>.
/// </summary>
public sealed class MerkleTreeTests
{
    private static readonly string[] LeavesHex =
        ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];

    private static readonly string[] RootsHex =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    private static MemoryHashStore Rfc6962Store()
    {
        var store = new MemoryHashStore(HashProfile.Sha256);
        foreach (var leaf in LeavesHex)
        {
            store.Append(Convert.FromHexString(leaf));
        }
        return store;
    }

    private static Hash H(string hex) => Hash.ParseHex(hex);

    [Fact]
    public void TreeHash_Rfc6962Vectors_MatchEveryPrefix()
    {
        var store = Rfc6962Store();
        for (var size = 1; size <= 8; size++)
        {
            store.TreeHash(size).ToHex().ShouldBe(RootsHex[size - 1], $"size {size}");
        }
    }

    [Fact]
    public void TreeHash_Empty_IsSha256OfEmptyString() =>
        MerkleTree.TreeHash(HashProfile.Sha256, 0, new MemoryHashStore(HashProfile.Sha256)).ToHex()
            .ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    [Theory]
    [InlineData(0, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7,5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e,6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")]
    [InlineData(5, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b,ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0,d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")]
    [InlineData(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")]
    [InlineData(1, 5, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d,5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e,bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")]
    public void ProveRecord_Rfc6962Vectors_MatchAndVerify(long index, long size, string expected)
    {
        var store = Rfc6962Store();
        var proof = MerkleTree.ProveRecord(HashProfile.Sha256, size, index, store);
        string.Join(',', proof.Select(p => p.ToHex())).ShouldBe(expected);
        MerkleTree.CheckRecord(HashProfile.Sha256, proof, size, H(RootsHex[size - 1]), index, store.LeafHash(index)).ShouldBeTrue();
    }

    [Theory]
    [InlineData(1, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7,5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e,6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")]
    [InlineData(6, 8, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a,ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0,d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")]
    [InlineData(2, 5, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e,bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")]
    [InlineData(1, 1, "")]
    public void ProveTree_Rfc6962Vectors_MatchAndVerify(long oldSize, long size, string expected)
    {
        var store = Rfc6962Store();
        var proof = MerkleTree.ProveTree(HashProfile.Sha256, size, oldSize, store);
        string.Join(',', proof.Select(p => p.ToHex())).ShouldBe(expected);
        MerkleTree.CheckTree(HashProfile.Sha256, proof, size, H(RootsHex[size - 1]), oldSize, H(RootsHex[oldSize - 1])).ShouldBeTrue();
    }

    [Theory]
    [InlineData("sha256")]
    [InlineData("sm3")]
    public void Proofs_EveryPairUpTo40_VerifyAndTamperedFail(string profileName)
    {
        var profile = HashProfile.Get(profileName);
        var store = new MemoryHashStore(profile);
        var builder = new TreeBuilder(profile);
        var roots = new List<Hash>();
        for (var i = 0; i < 40; i++)
        {
            var data = Encoding.UTF8.GetBytes($"leaf {i}");
            store.Append(data);
            builder.Append(data);
            AssertStoredHashCount(store);
            roots.Add(store.TreeHash());
            roots[i].ShouldBe(NaiveRoot(profile, i + 1));
            builder.RootHash().ShouldBe(roots[i]);
        }
        for (long t = 1; t <= 40; t++)
        {
            for (long n = 0; n < t; n++)
            {
                var proof = MerkleTree.ProveRecord(profile, t, n, store);
                MerkleTree.CheckRecord(profile, proof, t, roots[(int)t - 1], n, store.LeafHash(n)).ShouldBeTrue();
                MerkleTree.CheckRecord(profile, proof, t, roots[(int)t - 1], n, profile.LeafHash("other"u8)).ShouldBeFalse();
                if (proof.Length > 0)
                {
                    proof[0] = profile.LeafHash("tampered"u8);
                    MerkleTree.CheckRecord(profile, proof, t, roots[(int)t - 1], n, store.LeafHash(n)).ShouldBeFalse();
                }
                var consistency = MerkleTree.ProveTree(profile, t, n + 1, store);
                MerkleTree.CheckTree(profile, consistency, t, roots[(int)t - 1], n + 1, roots[(int)n]).ShouldBeTrue();
                if (n + 1 < t)
                {
                    MerkleTree.CheckTree(profile, consistency, t, roots[(int)t - 1], n + 1, roots[(int)t - 1]).ShouldBeFalse();
                }
            }
        }
    }

    [Fact]
    public void StoredHashIndex_SplitRoundTrips()
    {
        for (var level = 0; level < 10; level++)
        {
            for (long n = 0; n < 300; n++)
            {
                MerkleTree.SplitStoredHashIndex(MerkleTree.StoredHashIndex(level, n)).ShouldBe((level, n));
            }
        }
    }

    [Fact]
    public void CheckRecord_IndexBeyondTree_IsFalse() =>
        MerkleTree.CheckRecord(HashProfile.Sha256, [], 3, default, 3, default).ShouldBeFalse();

    [Fact]
    public void CheckTree_FromZero_NeedsEmptyProof()
    {
        MerkleTree.CheckTree(HashProfile.Sha256, [], 5, H(RootsHex[4]), 0, default).ShouldBeTrue();
        MerkleTree.CheckTree(HashProfile.Sha256, [H(RootsHex[0])], 5, H(RootsHex[4]), 0, default).ShouldBeFalse();
    }

    [Fact]
    public void Sm3_Digest_MatchesGbT32905Vector() =>
        HashProfile.Sm3.Digest("abc"u8).ToHex().ShouldBe("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");

    [Fact]
    public void Sm3_StreamDigest_MatchesSpanDigest()
    {
        var data = Encoding.UTF8.GetBytes(new string('x', 200_000));
        using var stream = new MemoryStream(data);
        HashProfile.Sm3.Digest(stream).ShouldBe(HashProfile.Sm3.Digest(data));
    }

    private static void AssertStoredHashCount(MemoryHashStore store)
    {
        // Exactly StoredHashCount(size) hashes are stored: the last one is readable, the next one is not.
        var count = MerkleTree.StoredHashCount(store.Size);
        Should.NotThrow(() => store.ReadHashes([count - 1]));
        Should.Throw<TlogException>(() => store.ReadHashes([count]));
    }

    // RFC 6962 §2.1 MTH, written directly from the definition.
    private static Hash NaiveRoot(HashProfile profile, int n, int start = 0)
    {
        if (n == 1)
        {
            return profile.LeafHash(Encoding.UTF8.GetBytes($"leaf {start}"));
        }
        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }
        return profile.NodeHash(NaiveRoot(profile, k, start), NaiveRoot(profile, n - k, start + k));
    }
}
