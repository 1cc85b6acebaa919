namespace TalentPass.Verifier.Wire;

/// <summary>Base45 (RFC 9285): the QR alphanumeric alphabet, 2 bytes → 3 characters, a last single byte → 2 characters.</summary>
internal static class Base45
{
    public const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private static readonly sbyte[] Values = BuildValues();

    public static int EncodedLength(int byteCount) => byteCount / 2 * 3 + (byteCount % 2 == 1 ? 2 : 0);

    /// <summary>Decoded length of <paramref name="charCount"/> characters, or -1 when no Base45 text has that length.</summary>
    public static int DecodedLength(int charCount) => charCount % 3 == 1 ? -1 : charCount / 3 * 2 + (charCount % 3 == 2 ? 1 : 0);

    public static string Encode(ReadOnlySpan<byte> data) => string.Create(EncodedLength(data.Length), data.ToArray(), static (chars, bytes) => Encode(bytes, chars));

    /// <summary>Encodes into <paramref name="destination"/> (exactly <see cref="EncodedLength"/> characters).</summary>
    public static void Encode(ReadOnlySpan<byte> data, Span<char> destination)
    {
        var o = 0;
        var i = 0;
        for (; i + 1 < data.Length; i += 2)
        {
            var n = (data[i] << 8) | data[i + 1];
            destination[o++] = Alphabet[n % 45];
            n /= 45;
            destination[o++] = Alphabet[n % 45];
            destination[o++] = Alphabet[n / 45];
        }

        if (i < data.Length)
        {
            int n = data[i];
            destination[o++] = Alphabet[n % 45];
            destination[o] = Alphabet[n / 45];
        }
    }

    /// <summary>
    /// Decodes <paramref name="text"/> into <paramref name="destination"/> (at least <see cref="DecodedLength"/> bytes);
    /// false for a character outside the alphabet, a length of 3k+1, or a group whose value is too large.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
        written = 0;
        var length = DecodedLength(text.Length);
        if (length < 0 || destination.Length < length)
        {
            return false;
        }

        var i = 0;
        for (; i + 2 < text.Length; i += 3)
        {
            int c = Value(text[i]), d = Value(text[i + 1]), e = Value(text[i + 2]);
            if ((c | d | e) < 0)
            {
                return false;
            }

            var n = c + d * 45 + e * 45 * 45;
            if (n > 0xFFFF)
            {
                return false;
            }

            destination[written++] = (byte)(n >> 8);
            destination[written++] = (byte)n;
        }

        if (i < text.Length)
        {
            int c = Value(text[i]), d = Value(text[i + 1]);
            if ((c | d) < 0)
            {
                return false;
            }

            var n = c + d * 45;
            if (n > 0xFF)
            {
                return false;
            }

            destination[written++] = (byte)n;
        }

        return true;
    }

    private static int Value(char c) => c < 128 ? Values[c] : -1;

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
        }

        return values;
    }
}
