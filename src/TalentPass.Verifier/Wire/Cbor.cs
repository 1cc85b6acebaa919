using System.Buffers.Binary;
using System.Text;

namespace TalentPass.Verifier.Wire;

/// <summary>Thrown by <see cref="CborReader"/> on input outside the accepted CBOR subset; never escapes the library's verify paths.</summary>
internal sealed class CborException(string message) : Exception(message);

/// <summary>
/// Writes the deterministic CBOR subset of the TC1 formats (RFC 8949 §4.2.1 core deterministic encoding): unsigned and
/// negative integers, byte and text strings, definite-length arrays and maps, tags; always the shortest argument.
/// Map keys must be written by the caller in canonical order (the formats define that order).
/// </summary>
internal sealed class CborWriter(int capacity = 256)
{
    private byte[] _buffer = new byte[capacity];
    private int _length;

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public int Length => _length;

    public byte[] ToArray() => Written.ToArray();

    public void Reset() => _length = 0;

    public void WriteUInt(ulong value) => WriteHead(0, value);

    public void WriteInt(long value)
    {
        if (value >= 0)
        {
            WriteHead(0, (ulong)value);
        }
        else
        {
            WriteHead(1, (ulong)(-1 - value));
        }
    }

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteHead(2, (ulong)value.Length);
        WriteRaw(value);
    }

    public void WriteText(string value)
    {
        var count = System.Text.Encoding.UTF8.GetByteCount(value);
        WriteHead(3, (ulong)count);
        Ensure(count);
        _length += System.Text.Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    public void WriteArrayHeader(int count) => WriteHead(4, (ulong)count);

    public void WriteMapHeader(int count) => WriteHead(5, (ulong)count);

    public void WriteTag(ulong tag) => WriteHead(6, tag);

    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>The byte-string header for <paramref name="length"/> bytes, followed by nothing: the caller writes the content.</summary>
    public void WriteBytesHeader(int length) => WriteHead(2, (ulong)length);

    private void WriteHead(int major, ulong value)
    {
        Ensure(9);
        var span = _buffer.AsSpan(_length);
        _length += Head.Write(span, major, value);
    }

    private void Ensure(int extra)
    {
        if (_length + extra > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + extra));
        }
    }
}

/// <summary>Encodes a CBOR head (major type + shortest argument) into a span.</summary>
internal static class Head
{
    public static int Size(ulong value) => value < 24 ? 1 : value <= 0xFF ? 2 : value <= 0xFFFF ? 3 : value <= 0xFFFF_FFFF ? 5 : 9;

    public static int Write(Span<byte> span, int major, ulong value)
    {
        var m = (byte)(major << 5);
        if (value < 24)
        {
            span[0] = (byte)(m | (byte)value);
            return 1;
        }

        if (value <= 0xFF)
        {
            span[0] = (byte)(m | 24);
            span[1] = (byte)value;
            return 2;
        }

        if (value <= 0xFFFF)
        {
            span[0] = (byte)(m | 25);
            BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)value);
            return 3;
        }

        if (value <= 0xFFFF_FFFF)
        {
            span[0] = (byte)(m | 26);
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)value);
            return 5;
        }

        span[0] = (byte)(m | 27);
        BinaryPrimitives.WriteUInt64BigEndian(span[1..], value);
        return 9;
    }
}

/// <summary>The CBOR major types the reader distinguishes.</summary>
internal enum CborType
{
    UnsignedInteger = 0,
    NegativeInteger = 1,
    ByteString = 2,
    TextString = 3,
    Array = 4,
    Map = 5,
    Tag = 6,
    Simple = 7,
}

/// <summary>
/// A strict reader of the deterministic CBOR subset over untrusted input. Rejects (with <see cref="CborException"/>):
/// indefinite lengths, non-shortest arguments, reserved additional-information values, floats and simple values other
/// than false/true/null, lengths larger than the remaining input (checked before anything is sliced; nothing is ever
/// allocated from a length), map keys out of canonical order or duplicated, invalid UTF-8, nesting deeper than
/// <see cref="MaxDepth"/>. Never reads past the input.
/// </summary>
internal ref struct CborReader(ReadOnlySpan<byte> data)
{
    public const int MaxDepth = 8;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly int Position => _position;

    public readonly int Remaining => _data.Length - _position;

    public readonly bool AtEnd => _position == _data.Length;

    public readonly CborType PeekType()
    {
        if (_position >= _data.Length)
        {
            throw new CborException("unexpected end of input");
        }

        return (CborType)(_data[_position] >> 5);
    }

    public readonly void ExpectEnd()
    {
        if (!AtEnd)
        {
            throw new CborException("trailing bytes after the item");
        }
    }

    public ulong ReadUInt()
    {
        var (major, value) = ReadHead();
        return major == 0 ? value : throw new CborException("expected an unsigned integer");
    }

    public uint ReadUInt32()
    {
        var value = ReadUInt();
        return value <= uint.MaxValue ? (uint)value : throw new CborException("integer out of range");
    }

    /// <summary>An integer of major type 0 or 1 within the range of <see cref="long"/>.</summary>
    public long ReadInt()
    {
        var (major, value) = ReadHead();
        if (major is not (0 or 1))
        {
            throw new CborException("expected an integer");
        }

        if (value > long.MaxValue)
        {
            throw new CborException("integer out of range");
        }

        return major == 0 ? (long)value : -1 - (long)value;
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        var (major, length) = ReadHead();
        return major == 2 ? Take(length) : throw new CborException("expected a byte string");
    }

    public ReadOnlySpan<byte> ReadTextUtf8()
    {
        var (major, length) = ReadHead();
        if (major != 3)
        {
            throw new CborException("expected a text string");
        }

        var bytes = Take(length);
        return System.Text.Unicode.Utf8.IsValid(bytes) ? bytes : throw new CborException("invalid UTF-8 in a text string");
    }

    public string ReadText() => StrictUtf8.GetString(ReadTextUtf8());

    public int ReadArrayHeader()
    {
        var (major, count) = ReadHead();
        if (major != 4)
        {
            throw new CborException("expected an array");
        }

        // Every element takes at least one byte: a count beyond the remaining input cannot be honest.
        return count <= (ulong)Remaining ? (int)count : throw new CborException("array length exceeds the input");
    }

    public int ReadMapHeader()
    {
        var (major, count) = ReadHead();
        if (major != 5)
        {
            throw new CborException("expected a map");
        }

        return count <= (ulong)Remaining / 2 ? (int)count : throw new CborException("map length exceeds the input");
    }

    public ulong ReadTag()
    {
        var (major, value) = ReadHead();
        return major == 6 ? value : throw new CborException("expected a tag");
    }

    /// <summary>Skips one complete item of the subset (checking it fully), at most <paramref name="depth"/> levels deep.</summary>
    public void Skip(int depth = MaxDepth)
    {
        if (depth <= 0)
        {
            throw new CborException("nesting too deep");
        }

        var (major, value) = ReadHead();
        switch (major)
        {
            case 0 or 1:
                return;
            case 2:
                Take(value);
                return;
            case 3:
                if (!System.Text.Unicode.Utf8.IsValid(Take(value)))
                {
                    throw new CborException("invalid UTF-8 in a text string");
                }

                return;
            case 4:
                if (value > (ulong)Remaining)
                {
                    throw new CborException("array length exceeds the input");
                }

                for (var i = 0UL; i < value; i++)
                {
                    Skip(depth - 1);
                }

                return;
            case 5:
                if (value > (ulong)Remaining / 2)
                {
                    throw new CborException("map length exceeds the input");
                }

                var previousStart = -1;
                var previousEnd = -1;
                for (var i = 0UL; i < value; i++)
                {
                    var keyStart = _position;
                    Skip(depth - 1);
                    var keyEnd = _position;
                    if (previousStart >= 0 &&
                        _data[previousStart..previousEnd].SequenceCompareTo(_data[keyStart..keyEnd]) >= 0)
                    {
                        throw new CborException("map keys not in canonical order or duplicated");
                    }

                    (previousStart, previousEnd) = (keyStart, keyEnd);
                    Skip(depth - 1);
                }

                return;
            case 6:
                Skip(depth - 1);
                return;
            default:
                return; // false, true, null: ReadHead rejects every other simple value.
        }
    }

    /// <summary>Reads a map key of the integer-keyed formats and checks it follows <paramref name="previous"/> canonically.</summary>
    public long ReadIntKey(long? previous)
    {
        var key = ReadInt();
        if (previous is { } p && CompareIntKeys(p, key) >= 0)
        {
            throw new CborException("map keys not in canonical order or duplicated");
        }

        return key;
    }

    /// <summary>Reads a map key that must be <paramref name="key"/>, following <paramref name="previous"/> canonically.</summary>
    public void ExpectIntKey(long key, long? previous)
    {
        if (ReadIntKey(previous) != key)
        {
            throw new CborException($"expected map key {key}");
        }
    }

    /// <summary>Canonical order of integer keys with shortest encoding: 0, 1, 2, …, then -1, -2, ….</summary>
    public static int CompareIntKeys(long a, long b)
    {
        if ((a >= 0) != (b >= 0))
        {
            return a >= 0 ? -1 : 1;
        }

        return a >= 0 ? a.CompareTo(b) : b.CompareTo(a);
    }

    private ReadOnlySpan<byte> Take(ulong length)
    {
        if (length > (ulong)Remaining)
        {
            throw new CborException("length exceeds the input");
        }

        var slice = _data.Slice(_position, (int)length);
        _position += (int)length;
        return slice;
    }

    private (int Major, ulong Value) ReadHead()
    {
        if (_position >= _data.Length)
        {
            throw new CborException("unexpected end of input");
        }

        var initial = _data[_position++];
        var major = initial >> 5;
        var info = initial & 0x1F;
        if (major == 7)
        {
            // Only false (20), true (21) and null (22): no floats, no undefined, no other simple values, no break.
            return info is 20 or 21 or 22 ? (7, (ulong)info) : throw new CborException("unsupported simple value or float");
        }

        ulong value;
        switch (info)
        {
            case < 24:
                return (major, (ulong)info);
            case 24:
                value = Take(1)[0];
                if (value < 24)
                {
                    throw new CborException("non-shortest integer encoding");
                }

                break;
            case 25:
                value = BinaryPrimitives.ReadUInt16BigEndian(Take(2));
                if (value <= 0xFF)
                {
                    throw new CborException("non-shortest integer encoding");
                }

                break;
            case 26:
                value = BinaryPrimitives.ReadUInt32BigEndian(Take(4));
                if (value <= 0xFFFF)
                {
                    throw new CborException("non-shortest integer encoding");
                }

                break;
            case 27:
                value = BinaryPrimitives.ReadUInt64BigEndian(Take(8));
                if (value <= 0xFFFF_FFFF)
                {
                    throw new CborException("non-shortest integer encoding");
                }

                break;
            case 31:
                throw new CborException("indefinite lengths are not accepted");
            default:
                throw new CborException("reserved additional information");
        }

        return (major, value);
    }
}
