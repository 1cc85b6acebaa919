using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Persistence;

namespace TalentPass.Modules.Codes.Features.Keys;

/// <summary>
/// Encrypts private signing keys with the key-encryption key (<c>Codes:KeyEncryptionKey</c>, AES-256-GCM, the key id
/// as associated data so a cipher cannot be moved to another row). Without a configured key and with
/// <c>Codes:AllowGeneratedKeys</c> (the embedded demo), one is generated once into <c>Codes:GeneratedKeyFile</c>.
/// </summary>
internal sealed class KeyEncryption
{
    private const string Prefix = "v1.";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] key;

    public KeyEncryption(IOptions<CodesOptions> options) => key = ResolveKey(options.Value);

    public string Protect(ReadOnlySpan<byte> plaintext, string keyId)
    {
        var buffer = new byte[NonceSize + TagSize + plaintext.Length];
        RandomNumberGenerator.Fill(buffer.AsSpan(0, NonceSize));
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(buffer.AsSpan(0, NonceSize), plaintext, buffer.AsSpan(NonceSize + TagSize), buffer.AsSpan(NonceSize, TagSize), Encoding.ASCII.GetBytes(keyId));
        return Prefix + Convert.ToBase64String(buffer);
    }

    public byte[] Unprotect(string cipher, string keyId)
    {
        ArgumentNullException.ThrowIfNull(cipher);
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
        aes.Decrypt(buffer.AsSpan(0, NonceSize), buffer.AsSpan(NonceSize + TagSize), buffer.AsSpan(NonceSize, TagSize), plain, Encoding.ASCII.GetBytes(keyId));
        return plain;
    }

    private static byte[] ResolveKey(CodesOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.KeyEncryptionKey))
        {
            return Decode(options.KeyEncryptionKey);
        }

        if (!options.AllowGeneratedKeys)
        {
            throw new InvalidOperationException(
                $"{CodesOptions.Section}:KeyEncryptionKey must be set (base64 of 32 bytes), or {CodesOptions.Section}:AllowGeneratedKeys for a demo.");
        }

        var path = DataPaths.Resolve(options.GeneratedKeyFile);
        if (File.Exists(path))
        {
            var stored = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!;
            return Decode(stored["keyEncryptionKey"]);
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
            var stored = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!;
            return Decode(stored["keyEncryptionKey"]);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return generated;
    }

    private static byte[] Decode(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        return bytes.Length == 32 ? bytes : throw new InvalidOperationException($"{CodesOptions.Section}:KeyEncryptionKey must be 32 bytes.");
    }
}
