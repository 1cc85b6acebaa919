namespace TalentPass.Verifier.Wire;

/// <summary>
/// The CWT payload of a talent code (docs/talent-code-format.md):
/// <code>{1: iss, 2: sub, 4: exp, 6: iat, -65538: {1: level, 2: category, 3: [list id, index], 4: rights, 5: masked name, 6: mode}}</code>
/// Registered CWT claims (RFC 8392) keep their keys; the TalentPass claims sit in one map under a key from the
/// private-use range (below -65536), like the EU DCC's hcert claim. Unknown claims are refused: a new claim comes with
/// a new prefix.
/// </summary>
internal static class ClaimsCodec
{
    public const long TalentPassClaim = -65538;
    public const int MaxIssuerBytes = 64;
    public const int MaxLevelBytes = 16;
    public const int MaxCategoryBytes = 32;
    public const int MaxNameBytes = 48;
    public const int SubjectIdLength = 16;

    /// <summary>The latest instant a CBOR epoch time may name (9999-12-31T23:59:59Z).</summary>
    private const long MaxSeconds = 253_402_300_799;

    public static void Write(CborWriter writer, TalentCodeClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        Check(claims);
        writer.WriteMapHeader(5);
        writer.WriteUInt(1);
        writer.WriteText(claims.Issuer);
        writer.WriteUInt(2);
        writer.WriteBytes(claims.SubjectId.Span);
        writer.WriteUInt(4);
        writer.WriteUInt((ulong)claims.ExpiresAt.ToUnixTimeSeconds());
        writer.WriteUInt(6);
        writer.WriteUInt((ulong)claims.IssuedAt.ToUnixTimeSeconds());
        writer.WriteInt(TalentPassClaim);
        writer.WriteMapHeader(6);
        writer.WriteUInt(1);
        writer.WriteText(claims.Level);
        writer.WriteUInt(2);
        writer.WriteText(claims.Category);
        writer.WriteUInt(3);
        writer.WriteArrayHeader(2);
        writer.WriteUInt(claims.StatusListId);
        writer.WriteUInt(claims.StatusListIndex);
        writer.WriteUInt(4);
        writer.WriteUInt((uint)claims.Rights);
        writer.WriteUInt(5);
        writer.WriteText(claims.MaskedName);
        writer.WriteUInt(6);
        writer.WriteUInt((ulong)claims.Mode);
    }

    /// <summary>Parses a payload strictly; throws <see cref="CborException"/> on anything outside the format.</summary>
    public static TalentCodeClaims Read(ReadOnlySpan<byte> payload)
    {
        var reader = new CborReader(payload);
        if (reader.ReadMapHeader() != 5)
        {
            throw new CborException("the claims map has 5 entries");
        }

        reader.ExpectIntKey(1, null);
        var issuer = Text(ref reader, MaxIssuerBytes, "iss", repeats: true);
        reader.ExpectIntKey(2, 1);
        var subject = reader.ReadBytes();
        if (subject.Length != SubjectIdLength)
        {
            throw new CborException("sub must have 16 bytes");
        }

        reader.ExpectIntKey(4, 2);
        var expires = Seconds(ref reader);
        reader.ExpectIntKey(6, 4);
        var issued = Seconds(ref reader);
        reader.ExpectIntKey(TalentPassClaim, 6);
        if (reader.ReadMapHeader() != 6)
        {
            throw new CborException("the TalentPass claim map has 6 entries");
        }

        reader.ExpectIntKey(1, null);
        var level = Text(ref reader, MaxLevelBytes, "level", repeats: true);
        reader.ExpectIntKey(2, 1);
        var category = Text(ref reader, MaxCategoryBytes, "category", repeats: true);
        reader.ExpectIntKey(3, 2);
        if (reader.ReadArrayHeader() != 2)
        {
            throw new CborException("the status reference is [list id, index]");
        }

        var listId = reader.ReadUInt32();
        var index = reader.ReadUInt32();
        if (index > int.MaxValue)
        {
            throw new CborException("status index out of range");
        }

        reader.ExpectIntKey(4, 3);
        var rights = reader.ReadUInt32();
        reader.ExpectIntKey(5, 4);
        var name = Text(ref reader, MaxNameBytes, "masked name");
        reader.ExpectIntKey(6, 5);
        var mode = reader.ReadUInt();
        if (mode > 1)
        {
            throw new CborException("unknown mode");
        }

        reader.ExpectEnd();
        if (expires < issued)
        {
            throw new CborException("exp before iat");
        }

        return new TalentCodeClaims
        {
            Issuer = issuer,
            SubjectId = subject.ToArray(),
            IssuedAt = DateTimeOffset.FromUnixTimeSeconds(issued),
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(expires),
            Level = level,
            Category = category,
            StatusListId = listId,
            StatusListIndex = index,
            Rights = (RightsSummary)rights,
            MaskedName = name,
            Mode = (CodeMode)mode,
        };
    }

    private static void Check(TalentCodeClaims claims)
    {
        CheckText(claims.Issuer, MaxIssuerBytes, nameof(claims.Issuer));
        CheckText(claims.Level, MaxLevelBytes, nameof(claims.Level));
        CheckText(claims.Category, MaxCategoryBytes, nameof(claims.Category));
        CheckText(claims.MaskedName, MaxNameBytes, nameof(claims.MaskedName));
        if (claims.SubjectId.Length != SubjectIdLength)
        {
            throw new ArgumentException("The subject id has 16 bytes.", nameof(claims));
        }

        if (claims.IssuedAt.ToUnixTimeSeconds() < 0 || claims.ExpiresAt < claims.IssuedAt)
        {
            throw new ArgumentException("IssuedAt must be after 1970 and ExpiresAt not before IssuedAt.", nameof(claims));
        }

        if (claims.StatusListIndex > int.MaxValue || !Enum.IsDefined(claims.Mode))
        {
            throw new ArgumentException("Status index or mode out of range.", nameof(claims));
        }
    }

    private static void CheckText(string value, int maxBytes, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (System.Text.Encoding.UTF8.GetByteCount(value) > maxBytes)
        {
            throw new ArgumentException($"{name} is longer than {maxBytes} UTF-8 bytes.", name);
        }
    }


    private static string Text(ref CborReader reader, int maxBytes, string what, bool repeats = false)
    {
        var utf8 = reader.ReadTextUtf8();
        if (utf8.Length > maxBytes)
        {
            throw new CborException($"{what} too long");
        }

        return repeats ? RecentStrings.Get(utf8) : System.Text.Encoding.UTF8.GetString(utf8);
    }

    /// <summary>
    /// Issuer, level and category repeat across nearly every code a verifier sees: a small per-thread table of recent
    /// values spares allocating them again.
    /// </summary>
    private static class RecentStrings
    {
        private const int Slots = 16;

        [ThreadStatic]
        private static (byte[] Utf8, string Value)[]? s_slots;

        [ThreadStatic]
        private static int s_next;

        public static string Get(ReadOnlySpan<byte> utf8)
        {
            var slots = s_slots ??= new (byte[], string)[Slots];
            foreach (var (bytes, value) in slots)
            {
                if (bytes is not null && utf8.SequenceEqual(bytes))
                {
                    return value;
                }
            }

            var text = System.Text.Encoding.UTF8.GetString(utf8);
            slots[s_next] = (utf8.ToArray(), text);
            s_next = (s_next + 1) % Slots;
            return text;
        }
    }

    private static long Seconds(ref CborReader reader)
    {
        var value = reader.ReadUInt();
        return value <= MaxSeconds ? (long)value : throw new CborException("time out of range");
    }
}
