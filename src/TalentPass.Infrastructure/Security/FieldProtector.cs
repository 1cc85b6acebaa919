using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace TalentPass.Infrastructure.Security;

/// <summary>
/// Field-level protection of personal data (ID number, phone, address): AES-256-GCM for the value and a keyed
/// HMAC-SHA256 "blind index" for equality look-ups and uniqueness without decrypting.
/// </summary>
public interface IFieldProtector
{
    /// <summary>Encrypts <paramref name="plaintext"/>; the result is <c>v1.&lt;base64(nonce|tag|ciphertext)&gt;</c>.</summary>
    string Protect(string plaintext);

    /// <summary>Decrypts a value made by <see cref="Protect"/>; throws <see cref="CryptographicException"/> if it was tampered with.</summary>
    string Unprotect(string protectedValue);

    /// <summary>Deterministic keyed digest (hex) of a normalised value, for unique indexes and exact search.</summary>
    string BlindIndex(string normalisedValue);
}

public sealed class FieldProtectionOptions
{
    public const string Section = "FieldProtection";

    /// <summary>Base64 of 32 random bytes. From the environment or a secret store in production.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>Base64 of 32 random bytes, distinct from <see cref="EncryptionKey"/>.</summary>
    public string? BlindIndexKey { get; set; }

    /// <summary>
    /// When keys are not configured, generate them once into <see cref="GeneratedKeyFile"/> (the embedded
    /// demo). Off in production, where missing keys stop the start-up.
    /// </summary>
    public bool AllowGeneratedKeys { get; set; }

    public string GeneratedKeyFile { get; set; } = "data/keys/field-protection.json";
}

internal sealed class AesGcmFieldProtector : IFieldProtector, IDisposable
{
    private const string Prefix = "v1.";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] encryptionKey;
    private readonly byte[] blindIndexKey;

    // AesGcm is not thread-safe and costly to create (an OpenSSL context per instance): one per thread.
    private readonly ThreadLocal<AesGcm> aes;

    public AesGcmFieldProtector(IOptions<FieldProtectionOptions> options)
    {
        (encryptionKey, blindIndexKey) = ResolveKeys(options.Value);
        aes = new ThreadLocal<AesGcm>(() => new AesGcm(encryptionKey, TagSize), trackAllValues: true);
    }

    public void Dispose()
    {
        foreach (var instance in aes.Values)
        {
            instance.Dispose();
        }

        aes.Dispose();
    }

    public string Protect(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var buffer = new byte[NonceSize + TagSize + plain.Length];
        var nonce = buffer.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        aes.Value!.Encrypt(nonce, plain, buffer.AsSpan(NonceSize + TagSize), buffer.AsSpan(NonceSize, TagSize));
        return Prefix + Convert.ToBase64String(buffer);
    }

    public string Unprotect(string protectedValue)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        if (!protectedValue.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("Unknown protected value format.");
        }

        var buffer = Convert.FromBase64String(protectedValue[Prefix.Length..]);
        if (buffer.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("Protected value is truncated.");
        }

        var plain = new byte[buffer.Length - NonceSize - TagSize];
        aes.Value!.Decrypt(buffer.AsSpan(0, NonceSize), buffer.AsSpan(NonceSize + TagSize), buffer.AsSpan(NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    public string BlindIndex(string normalisedValue)
    {
        ArgumentNullException.ThrowIfNull(normalisedValue);
        return Convert.ToHexStringLower(HMACSHA256.HashData(blindIndexKey, Encoding.UTF8.GetBytes(normalisedValue)));
    }

    private static (byte[] Encryption, byte[] BlindIndex) ResolveKeys(FieldProtectionOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.EncryptionKey) && !string.IsNullOrWhiteSpace(options.BlindIndexKey))
        {
            return (Decode(options.EncryptionKey, nameof(options.EncryptionKey)), Decode(options.BlindIndexKey, nameof(options.BlindIndexKey)));
        }

        if (!options.AllowGeneratedKeys)
        {
            throw new InvalidOperationException(
                $"{FieldProtectionOptions.Section}:EncryptionKey and {FieldProtectionOptions.Section}:BlindIndexKey must be set (base64 of 32 bytes each).");
        }

        var path = Persistence.DataPaths.Resolve(options.GeneratedKeyFile);
        if (File.Exists(path))
        {
            var stored = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!;
            return (Decode(stored["encryptionKey"], "encryptionKey"), Decode(stored["blindIndexKey"], "blindIndexKey"));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var encryption = RandomNumberGenerator.GetBytes(32);
        var blind = RandomNumberGenerator.GetBytes(32);
        var json = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["encryptionKey"] = Convert.ToBase64String(encryption),
            ["blindIndexKey"] = Convert.ToBase64String(blind),
        });
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(json);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return (encryption, blind);
    }

    private static byte[] Decode(string base64, string name)
    {
        var key = Convert.FromBase64String(base64);
        return key.Length == 32 ? key : throw new InvalidOperationException($"{FieldProtectionOptions.Section}:{name} must be 32 bytes.");
    }
}
