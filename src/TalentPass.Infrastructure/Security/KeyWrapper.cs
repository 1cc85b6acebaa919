using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TalentPass.Infrastructure.Persistence;

namespace TalentPass.Infrastructure.Security;

/// <summary>
/// Encrypts private signing keys kept in the database (code issuer keys, the ledger's log key) with a 256-bit
/// key-encryption key: AES-256-GCM, text <c>v1.</c> + base64(nonce ‖ tag ‖ ciphertext), with the key's identity as
/// associated data so a cipher cannot be moved to another row. Thread-safe.
/// </summary>
public sealed class KeyWrapper
{
    private const string Prefix = "v1.";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] key;

    public KeyWrapper(byte[] keyEncryptionKey)
    {
        ArgumentNullException.ThrowIfNull(keyEncryptionKey);
        key = keyEncryptionKey.Length == 32 ? keyEncryptionKey : throw new ArgumentException("A key-encryption key has 32 bytes.", nameof(keyEncryptionKey));
    }

    /// <summary>
    /// The key from configuration (<paramref name="configuredBase64"/>, named <c>{section}:KeyEncryptionKey</c> in errors);
    /// without one and with <paramref name="allowGenerated"/> (embedded demo, development), a key generated once into
    /// <paramref name="generatedKeyFile"/> (mode 0600; relative paths under the data folder, see <see cref="DataPaths"/>).
    /// </summary>
    public static KeyWrapper FromConfiguration(string section, string? configuredBase64, bool allowGenerated, string generatedKeyFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        ArgumentException.ThrowIfNullOrWhiteSpace(generatedKeyFile);
        if (!string.IsNullOrWhiteSpace(configuredBase64))
        {
            return new KeyWrapper(Decode(configuredBase64, section));
        }

        if (!allowGenerated)
        {
            throw new InvalidOperationException(
                $"{section}:KeyEncryptionKey must be set (base64 of 32 bytes), or {section}:AllowGeneratedKeys=true for a demo or development.");
        }

        return new KeyWrapper(ReadOrGenerate(DataPaths.Resolve(generatedKeyFile), section));
    }

    public string Wrap(ReadOnlySpan<byte> plaintext, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(associatedData);
        var buffer = new byte[NonceSize + TagSize + plaintext.Length];
        RandomNumberGenerator.Fill(buffer.AsSpan(0, NonceSize));
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(buffer.AsSpan(0, NonceSize), plaintext, buffer.AsSpan(NonceSize + TagSize), buffer.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(associatedData));
        return Prefix + Convert.ToBase64String(buffer);
    }

    /// <summary>Throws <see cref="CryptographicException"/> for a foreign format, a wrong key or a moved cipher.</summary>
    public byte[] Unwrap(string cipher, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        ArgumentNullException.ThrowIfNull(associatedData);
        if (!cipher.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("Unknown key cipher format.");
        }

        var buffer = Convert.FromBase64String(cipher[Prefix.Length..]);
        if (buffer.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("Key cipher is truncated.");
        }

        var plain = new byte[buffer.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(buffer.AsSpan(0, NonceSize), buffer.AsSpan(NonceSize + TagSize), buffer.AsSpan(NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(associatedData));
        return plain;
    }

    private static byte[] ReadOrGenerate(string path, string section)
    {
        if (File.Exists(path))
        {
            return ReadStored(path, section);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var generated = RandomNumberGenerator.GetBytes(32);
        var json = JsonSerializer.Serialize(new Dictionary<string, string> { ["keyEncryptionKey"] = Convert.ToBase64String(generated) });
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream);
            writer.Write(json);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process (web host and CLI started together) wrote it first: use theirs.
            return ReadStored(path, section);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return generated;
    }

    private static byte[] ReadStored(string path, string section)
    {
        var stored = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!;
        return Decode(stored["keyEncryptionKey"], section);
    }

    private static byte[] Decode(string base64, string section)
    {
        var bytes = Convert.FromBase64String(base64);
        return bytes.Length == 32 ? bytes : throw new InvalidOperationException($"{section}:KeyEncryptionKey must be base64 of 32 bytes.");
    }
}
