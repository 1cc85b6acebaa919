using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TalentPass.IntegrationTests.Infrastructure;

namespace TalentPass.IntegrationTests.Codes;

/// <summary>
/// The online endpoint under bad input: ≥ 100,000 random and mutated code strings (bit flips, truncations, wrong
/// prefix, huge inputs, deep CBOR nesting) — never a 500, never <c>valid</c>.
/// </summary>
public sealed class CodesFuzzTests(TalentPassFactory factory)
{
    private const string Base45Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private const int Total = 100_000;
    private const int Workers = 8;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verify_HundredThousandBadCodes_NeverServerErrorNeverValid()
    {
        var talent = await factory.CreateClientAsAsync("demo-talent");
        var seeds = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            seeds.Add(await CodesApi.MyCodeTextAsync(talent));
        }

        var scanners = new HttpClient[Workers];
        for (var i = 0; i < Workers; i++)
        {
            // All as the partner: the service point's recent scans are read by other tests running at the same time.
            scanners[i] = await factory.CreateClientAsAsync(CodesApi.Partner);
        }

        foreach (var seed in seeds)
        {
            (await CodesApi.OutcomeAsync(scanners[0], seed)).ShouldBe("valid"); // unmutated, the seeds do verify
        }

        var outcomes = new Dictionary<string, int>[Workers];
        var failures = new List<string>[Workers];
        await Parallel.ForAsync(0, Workers, Ct, async (w, ct) =>
        {
            var random = new Random(7919 * (w + 1));
            outcomes[w] = [];
            failures[w] = [];
            for (var i = w; i < Total; i += Workers)
            {
                var input = Mutate(seeds[i % seeds.Count], random, i);
                using var response = await scanners[w].PostAsJsonAsync("/api/v1/codes/verify", new { code = input }, ct);
                var status = (int)response.StatusCode;
                string key;
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                    key = body.GetProperty("outcome").GetString()!;
                }
                else
                {
                    key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                outcomes[w][key] = outcomes[w].GetValueOrDefault(key) + 1;
                if (key == "valid" || status >= 500 || (status != 200 && status != 400 && status != 413))
                {
                    failures[w].Add($"#{i} {status} {key}: {Shorten(input)}");
                }
            }
        });

        var merged = outcomes.SelectMany(o => o).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        var failed = failures.SelectMany(f => f).ToList();
        failed.ShouldBeEmpty(string.Join(Environment.NewLine, failed.Take(20)));
        merged.Values.Sum().ShouldBe(Total);
        merged.GetValueOrDefault("malformed").ShouldBeGreaterThan(Total / 4, Report(merged));
        merged.GetValueOrDefault("invalid_signature").ShouldBeGreaterThan(Total / 20, Report(merged));
    }

    /// <summary>One bad input of 8 kinds, chosen by <paramref name="i"/>.</summary>
    internal static string Mutate(string seed, Random random, int i)
    {
        switch (i % 8)
        {
            case 0: // one character replaced by another Base45 character
                {
                    var chars = seed.ToCharArray();
                    var at = 4 + random.Next(chars.Length - 4);
                    var replacement = Base45Alphabet[random.Next(Base45Alphabet.Length)];
                    chars[at] = replacement == chars[at] ? (replacement == 'A' ? 'B' : 'A') : replacement;
                    return new string(chars);
                }

            case 1: // bit flips in the decoded bytes, re-encoded (reaches the CBOR and COSE parsers)
                {
                    // Distinct bits: flipping one bit twice would hand back the seed itself, which is rightly valid.
                    var bytes = Base45Decode(seed[4..]);
                    var flips = 1 + random.Next(4);
                    var flipped = new HashSet<int>();
                    while (flipped.Count < flips)
                    {
                        var bit = random.Next(bytes.Length * 8);
                        if (flipped.Add(bit))
                        {
                            bytes[bit / 8] ^= (byte)(1 << (bit % 8));
                        }
                    }

                    return "TC1:" + Base45Encode(bytes);
                }

            case 2: // truncated
                return seed[..random.Next(seed.Length)];
            case 3: // wrong prefix
                return new[] { "TC2:", "HC1:", "tc1:", "TC1", ":TC1:", " TC1:" }[random.Next(6)] + seed[4..];
            case 4: // random text of random length, sometimes huge
                {
                    var length = random.Next(10) == 0 ? 1000 + random.Next(1500) : random.Next(400);
                    var sb = new StringBuilder("TC1:", length + 4);
                    for (var c = 0; c < length; c++)
                    {
                        sb.Append(random.Next(4) == 0 ? (char)random.Next(32, 0x3000) : Base45Alphabet[random.Next(Base45Alphabet.Length)]);
                    }

                    return sb.ToString();
                }

            case 5: // deep CBOR nesting (arrays or maps or tags) as the COSE structure
                {
                    var depth = 10 + random.Next(200);
                    var item = new[] { (byte)0x81, (byte)0xA1, (byte)0xD2 }[random.Next(3)];
                    var bytes = new byte[depth + 1];
                    Array.Fill(bytes, item);
                    bytes[^1] = 0x00;
                    return "TC1:" + Base45Encode(bytes);
                }

            case 6: // random bytes, valid Base45
                {
                    var bytes = new byte[1 + random.Next(220)];
                    random.NextBytes(bytes);
                    if (random.Next(2) == 0)
                    {
                        bytes[0] = 0xD2; // tag 18, the COSE_Sign1 tag
                    }

                    return "TC1:" + Base45Encode(bytes);
                }

            default: // a valid code's bytes with a byte inserted or removed
                {
                    var bytes = Base45Decode(seed[4..]).ToList();
                    var at = random.Next(bytes.Count);
                    if (random.Next(2) == 0)
                    {
                        bytes.RemoveAt(at);
                    }
                    else
                    {
                        bytes.Insert(at, (byte)random.Next(256));
                    }

                    return "TC1:" + Base45Encode([.. bytes]);
                }
        }
    }

    internal static string Base45Encode(byte[] data)
    {
        var sb = new StringBuilder();
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            var n = (data[i] * 256) + data[i + 1];
            sb.Append(Base45Alphabet[n % 45]).Append(Base45Alphabet[n / 45 % 45]).Append(Base45Alphabet[n / 2025]);
        }

        if (data.Length % 2 == 1)
        {
            var n = data[^1];
            sb.Append(Base45Alphabet[n % 45]).Append(Base45Alphabet[n / 45]);
        }

        return sb.ToString();
    }

    internal static byte[] Base45Decode(string text)
    {
        var output = new List<byte>();
        for (var i = 0; i < text.Length; i += 3)
        {
            if (i + 2 < text.Length)
            {
                var n = Base45Alphabet.IndexOf(text[i], StringComparison.Ordinal) + (Base45Alphabet.IndexOf(text[i + 1], StringComparison.Ordinal) * 45) + (Base45Alphabet.IndexOf(text[i + 2], StringComparison.Ordinal) * 2025);
                output.Add((byte)(n / 256));
                output.Add((byte)(n % 256));
            }
            else
            {
                output.Add((byte)(Base45Alphabet.IndexOf(text[i], StringComparison.Ordinal) + (Base45Alphabet.IndexOf(text[i + 1], StringComparison.Ordinal) * 45)));
            }
        }

        return [.. output];
    }

    private static string Report(Dictionary<string, int> outcomes) => string.Join(", ", outcomes.Select(p => $"{p.Key}={p.Value}"));

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
