using System.Text;
using TalentPass.Verifier;
using TalentPass.Verifier.Wire;

namespace TalentPass.UnitTests.Verifier;

/// <summary>
/// Seeded fuzzing of the verifier: random and mutated code strings (character and bit flips, truncations, insertions,
/// wrong prefixes, huge inputs, deep CBOR nesting, random CBOR inside well-formed envelopes, random payloads signed by
/// a trusted key). The verifier never throws and never answers valid. A failure prints the seed and iteration.
/// </summary>
public sealed class VerifierFuzzTests
{
    private const int Seed = 20_261_121;
    private const int Iterations = 105_000;
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(30);

    [Fact]
    public void Verify_RandomAndMutatedCodes_NeverThrowsAndNeverValid()
    {
        var random = new Random(Seed);
        var es256 = TestCodes.Signer(CodeProfiles.Es256);
        var sm2 = TestCodes.Signer(CodeProfiles.Sm2);
        // Random payloads are signed by a trusted key whose validity (year 9000) no well-formed code can fall in: they
        // reach the claims parser, and a payload that happens to parse is still refused.
        var garbage = TestCodes.Create(CodeProfiles.Es256);
        var farFuture = new DateTimeOffset(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var keys = new CodeKeyRing([
            TestCodes.Key(CodeProfiles.Es256),
            TestCodes.Key(CodeProfiles.Sm2),
            CodeKeys.WithValidity(garbage.Key, farFuture, farFuture.AddDays(1)),
        ]);
        var seeds = new[]
        {
            TalentCode.Encode(TestCodes.Claims(), es256),
            TalentCode.Encode(TestCodes.Claims(mode: CodeMode.Static), es256),
            TalentCode.Encode(TestCodes.Claims(), sm2),
        };
        foreach (var seed in seeds)
        {
            TalentCode.Verify(seed, keys, TestCodes.Now, Tolerance).Outcome.ShouldBe(VerificationOutcome.Valid);
        }

        var outcomes = new Dictionary<VerificationOutcome, int>();
        var tested = 0;
        for (var i = 0; i < Iterations; i++)
        {
            // sm2 verification costs ~0.4 ms: one input in 40 mutates the sm2 seed.
            var seed = i % 40 == 39 ? seeds[2] : seeds[i % 2];
            var input = Mutate(random, seed, garbage.Signer, i);
            if (seeds.Contains(input))
            {
                continue;
            }

            VerificationResult result;
            try
            {
                result = TalentCode.Verify(input, keys, TestCodes.Now, Tolerance);
            }
            catch (Exception e)
            {
                throw new ShouldAssertException($"iteration {i} (seed {Seed}) threw {e.GetType().Name}: {e.Message} for input '{Shorten(input)}'", e);
            }

            if (result.Outcome == VerificationOutcome.Valid)
            {
                throw new ShouldAssertException($"iteration {i} (seed {Seed}) verified a mutated code: '{Shorten(input)}'");
            }

            outcomes[result.Outcome] = outcomes.GetValueOrDefault(result.Outcome) + 1;
            tested++;
        }

        tested.ShouldBeGreaterThanOrEqualTo(100_000);
        // The fuzzer reaches every layer: text, envelope, key lookup, signature, claims of signed payloads.
        outcomes.GetValueOrDefault(VerificationOutcome.Malformed).ShouldBeGreaterThan(10_000);
        outcomes.GetValueOrDefault(VerificationOutcome.InvalidSignature).ShouldBeGreaterThan(10_000);
        outcomes.GetValueOrDefault(VerificationOutcome.UnknownKey).ShouldBeGreaterThan(100);
    }

    [Fact]
    public void OfflineVerifierAndLists_MutatedDocumentsAndCodes_NeverThrowNeverValid()
    {
        var random = new Random(Seed + 1);
        var root = TestCodes.Create(CodeProfiles.Es256);
        var issuer = TestCodes.Create(CodeProfiles.Es256);
        var clock = new FakeClock(TestCodes.Now);
        var verifier = new OfflineVerifier(root.Key, clock);
        var trust = new TrustList("CN-410100-ZYKJC", 1, TestCodes.Now, TestCodes.Now.AddDays(1),
            [new TrustedKey(issuer.Key.KeyId, issuer.Key.Profile, issuer.Key.SubjectPublicKeyInfo, TestCodes.Now.AddDays(-1), TestCodes.Now.AddYears(1))]).Sign(root.Signer);
        var status = new StatusList(1, StatusList.MinimumSize, TestCodes.Now, TestCodes.Now.AddMinutes(15));
        status.Set(5, EntryStatus.Suspended);
        var statusSigned = status.Sign(issuer.Signer);
        verifier.TryUseTrustList(trust, out _).ShouldBeTrue();
        verifier.TryUseStatusList(statusSigned, out _).ShouldBeTrue();

        for (var i = 0; i < 5_000; i++)
        {
            var document = i % 2 == 0 ? trust : statusSigned;
            var mutated = MutateBytes(random, document);
            if (mutated.AsSpan().SequenceEqual(document))
            {
                continue;
            }

            (i % 2 == 0 ? verifier.TryUseTrustList(mutated, out _) : verifier.TryUseStatusList(mutated, out _)).ShouldBeFalse($"iteration {i}");
        }

        var code = TalentCode.Encode(TestCodes.Claims(), issuer.Signer);
        verifier.Verify(code).Outcome.ShouldBe(VerificationOutcome.Valid);
        for (var i = 0; i < 3_000; i++)
        {
            var input = Mutate(random, code, root.Signer, i);
            if (input != code)
            {
                verifier.Verify(input).Outcome.ShouldNotBe(VerificationOutcome.Valid, $"iteration {i}");
            }
        }
    }

    private static string Mutate(Random random, string seed, ICodeSigner signer, int iteration) => (iteration % 12) switch
    {
        0 => TalentCode.Prefix + RandomBase45(random, random.Next(0, 420)),
        1 => ReplaceChars(random, seed),
        2 => seed[..random.Next(0, seed.Length)],
        3 => WrongPrefix(random, seed),
        4 => iteration % 1200 == 4 ? Huge(random, seed) : RandomText(random),
        5 or 6 => Encode(MutateBytes(random, Decode(seed))),
        7 => Encode(DeepNesting(random)),
        8 => Encode(Envelope(random, signer.KeyId.Span, RandomCbor(random, 0), random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 64))),
        9 => Encode(CoseSign1.Sign(signer, CoseSign1.ProtectedHeader(signer.Profile, signer.KeyId.Span),
            iteration % 24 == 9 ? RandomCbor(random, 0) : MutateBytes(random, PayloadOf(seed)))),
        10 => InsertChars(random, seed),
        _ => Encode(Envelope(random, random.GetItems<byte>(new byte[] { 0, 1, 2, 0xFF }, 8), PayloadOf(seed), new byte[64])),
    };

    private static string ReplaceChars(Random random, string seed)
    {
        var chars = seed.ToCharArray();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            chars[random.Next(TalentCode.Prefix.Length, chars.Length)] = Base45.Alphabet[random.Next(Base45.Alphabet.Length)];
        }

        return new string(chars);
    }

    private static string InsertChars(Random random, string seed)
    {
        var at = random.Next(0, seed.Length + 1);
        return seed[..at] + RandomBase45(random, random.Next(1, 4)) + seed[at..];
    }

    private static string WrongPrefix(Random random, string seed) => random.Next(4) switch
    {
        0 => "tc1:" + seed[4..],
        1 => "TC2:" + seed[4..],
        2 => seed[4..],
        _ => "HC1:" + seed[4..],
    };

    private static string Huge(Random random, string seed) =>
        random.Next(2) == 0 ? seed + new string('A', random.Next(1_000, 2_000_000)) : TalentCode.Prefix + new string('0', 1_000_000);

    private static string RandomText(Random random)
    {
        var builder = new StringBuilder();
        for (var n = random.Next(0, 300); n > 0; n--)
        {
            builder.Append((char)random.Next(0, 0xD800));
        }

        return random.Next(2) == 0 ? TalentCode.Prefix + builder : builder.ToString();
    }

    private static string RandomBase45(Random random, int length) =>
        new(Enumerable.Range(0, length).Select(_ => Base45.Alphabet[random.Next(Base45.Alphabet.Length)]).ToArray());

    private static byte[] MutateBytes(Random random, byte[] data)
    {
        var bytes = new List<byte>(data);
        for (var n = random.Next(1, 4); n > 0 && bytes.Count > 0; n--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                default:
                    bytes.RemoveAt(at);
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Nesting far past the reader's limit, alone, as the payload, or as the protected header.</summary>
    private static byte[] DeepNesting(Random random)
    {
        var depth = random.Next(5, 5_000);
        var nested = new byte[depth + 1];
        Array.Fill(nested, random.Next(2) == 0 ? (byte)0x81 : (byte)0xA1, 0, depth);
        if (nested[0] == 0xA1)
        {
            // {0: {0: …}}: a map of one entry is 0xA1 0x00 value.
            nested = [.. Enumerable.Range(0, depth).SelectMany(_ => new byte[] { 0xA1, 0x00 }), 0x00];
        }

        return random.Next(3) switch
        {
            0 => nested,
            1 => Envelope(random, new byte[8], nested, new byte[64]),
            _ => Wrap(nested),
        };

        static byte[] Wrap(byte[] protectedHeader)
        {
            var writer = new CborWriter();
            writer.WriteTag(18);
            writer.WriteArrayHeader(4);
            writer.WriteBytes(protectedHeader);
            writer.WriteMapHeader(0);
            writer.WriteBytes([0xA0]);
            writer.WriteBytes(new byte[64]);
            return writer.ToArray();
        }
    }

    private static byte[] Envelope(Random random, ReadOnlySpan<byte> keyId, byte[] payload, byte[] signature)
    {
        var writer = new CborWriter();
        writer.WriteTag(18);
        writer.WriteArrayHeader(4);
        writer.WriteBytes(CoseSign1.ProtectedHeader(random.Next(2) == 0 ? CodeProfiles.Es256 : CodeProfiles.Sm2, keyId));
        writer.WriteMapHeader(0);
        writer.WriteBytes(payload);
        writer.WriteBytes(signature);
        return writer.ToArray();
    }

    /// <summary>A random item of the CBOR data model, sometimes nested past the limit, sometimes claims-shaped.</summary>
    private static byte[] RandomCbor(Random random, int depth)
    {
        var writer = new CborWriter();
        Write(writer, random, depth);
        return writer.ToArray();

        static void Write(CborWriter writer, Random random, int depth)
        {
            switch (depth > 10 ? random.Next(4) : random.Next(8))
            {
                case 0:
                    writer.WriteInt(random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(64));
                    break;
                case 1:
                    writer.WriteBytes(random.GetItems<byte>(new byte[] { 0, 1, 0x7F, 0xFF }, random.Next(0, 20)));
                    break;
                case 2:
                    writer.WriteText(random.Next(2) == 0 ? "c" : "张*华");
                    break;
                case 3:
                    writer.WriteRaw([(byte)random.Next(256)]);
                    break;
                case 4 or 5:
                    var count = random.Next(0, 6);
                    writer.WriteArrayHeader(count);
                    for (var i = 0; i < count; i++)
                    {
                        Write(writer, random, depth + 1);
                    }

                    break;
                default:
                    // Claims-shaped maps: integer keys 1, 2, 4, 6, -65538 in canonical or shuffled order.
                    long[] keys = [1, 2, 4, 6, -65538];
                    var n = random.Next(0, 6);
                    var chosen = random.Next(2) == 0 ? keys.Take(n).ToArray() : random.GetItems(keys, n);
                    writer.WriteMapHeader(chosen.Length);
                    foreach (var key in chosen)
                    {
                        writer.WriteInt(key);
                        Write(writer, random, depth + 1);
                    }

                    break;
            }
        }
    }

    private static byte[] PayloadOf(string code)
    {
        var bytes = Decode(code);
        var reader = new CborReader(bytes);
        reader.ReadTag();
        reader.ReadArrayHeader();
        reader.ReadBytes();
        reader.ReadMapHeader();
        return reader.ReadBytes().ToArray();
    }

    private static byte[] Decode(string code)
    {
        var buffer = new byte[code.Length];
        Base45.TryDecode(code.AsSpan(TalentCode.Prefix.Length), buffer, out var written).ShouldBeTrue();
        return buffer[..written];
    }

    private static string Encode(byte[] bytes) => TalentCode.Prefix + Base45.Encode(bytes);

    private static string Shorten(string input) => input.Length > 200 ? input[..200] + $"… ({input.Length} chars)" : input;
}
