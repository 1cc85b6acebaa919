using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Ledger.Persistence;
using TalentPass.Tlog;

namespace TalentPass.Modules.Ledger.Features.Checkpoints;

/// <summary>
/// The log's signing keys: Ed25519 (always) and SM2 (with <see cref="LedgerOptions.Sm2Signature"/>), created once,
/// stored in <c>ledger_signing_keys</c> with the private key encrypted (AES-256-GCM) under the key-encryption key
/// <c>Ledger:KeyEncryptionKey</c> (or a generated key file in demo/development). Key name = the log origin.
/// </summary>
internal sealed class LedgerKeyRing(IServiceScopeFactory scopes, IOptions<LedgerOptions> options, TimeProvider clock)
{
    public const string Ed25519 = "ed25519";
    public const string Sm2 = "sm2";
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lazy<byte[]> kek = new(() => ResolveKek(options.Value));
    private IReadOnlyList<NoteSigner>? signers;

    /// <summary>The signers, creating the keys on first use (concurrent nodes: the unique index keeps the first).</summary>
    public async Task<IReadOnlyList<NoteSigner>> SignersAsync(CancellationToken ct)
    {
        if (signers is not null)
        {
            return signers;
        }

        await gate.WaitAsync(ct);
        try
        {
            if (signers is not null)
            {
                return signers;
            }

            var list = new List<NoteSigner> { await LoadOrCreateAsync(Ed25519, ct) };
            if (options.Value.Sm2Signature)
            {
                list.Add(await LoadOrCreateAsync(Sm2, ct));
            }

            signers = list;
            return list;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The log's verifier keys (signed-note text), Ed25519 first; empty before the first checkpoint created them.</summary>
    public async Task<IReadOnlyList<string>> VerifierKeysAsync(CancellationToken ct)
    {
        if (signers is not null)
        {
            return signers.Select(s => s.VerifierKey).ToList();
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var rows = await db.SigningKeys.AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(r => r.Algorithm == Ed25519 ? 0 : 1).Select(r => Encoding.UTF8.GetString(r.PublicKey)).ToList();
    }

    private async Task<NoteSigner> LoadOrCreateAsync(string algorithm, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var row = await db.SigningKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Algorithm == algorithm, ct);
        if (row is null)
        {
            var name = options.Value.Origin;
            NoteSigner generated = algorithm == Ed25519 ? NoteSigner.GenerateEd25519(name) : NoteSigner.GenerateSm2(name);
            var privateKey = generated switch
            {
                Ed25519NoteSigner ed => ed.PrivateKey,
                Sm2NoteSigner sm2 => sm2.PrivateKey,
                _ => throw new InvalidOperationException("Unknown signer."),
            };
            db.SigningKeys.Add(new SigningKeyRow
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                Name = name,
                Algorithm = algorithm,
                PublicKey = Encoding.UTF8.GetBytes(generated.VerifierKey),
                PrivateKeyCipher = Protect(privateKey),
                CreatedAt = clock.GetUtcNow(),
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // another node created it first: use theirs
            }

            row = await db.SigningKeys.AsNoTracking().SingleAsync(k => k.Algorithm == algorithm, ct);
        }

        return NoteSigner.FromPrivateKey(Unprotect(row.PrivateKeyCipher), clock);
    }

    private string Protect(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var buffer = new byte[12 + 16 + plain.Length];
        RandomNumberGenerator.Fill(buffer.AsSpan(0, 12));
        using var aes = new AesGcm(kek.Value, 16);
        aes.Encrypt(buffer.AsSpan(0, 12), plain, buffer.AsSpan(28), buffer.AsSpan(12, 16), Encoding.ASCII.GetBytes("ledger-signing-key"));
        return "v1." + Convert.ToBase64String(buffer);
    }

    private string Unprotect(string cipher)
    {
        if (!cipher.StartsWith("v1.", StringComparison.Ordinal))
        {
            throw new CryptographicException("Unknown signing-key format.");
        }

        var buffer = Convert.FromBase64String(cipher[3..]);
        var plain = new byte[buffer.Length - 28];
        using var aes = new AesGcm(kek.Value, 16);
        aes.Decrypt(buffer.AsSpan(0, 12), buffer.AsSpan(28), buffer.AsSpan(12, 16), plain, Encoding.ASCII.GetBytes("ledger-signing-key"));
        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] ResolveKek(LedgerOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.KeyEncryptionKey))
        {
            var key = Convert.FromBase64String(options.KeyEncryptionKey);
            return key.Length == 32 ? key : throw new InvalidOperationException("Ledger:KeyEncryptionKey must be base64 of 32 bytes.");
        }

        if (!options.AllowGeneratedKeys)
        {
            throw new InvalidOperationException("Ledger:KeyEncryptionKey must be set (base64 of 32 bytes), or Ledger:AllowGeneratedKeys=true in development/demo.");
        }

        var path = DataPaths.Resolve(options.GeneratedKeyFile);
        if (File.Exists(path))
        {
            var stored = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!;
            return Convert.FromBase64String(stored["keyEncryptionKey"]);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var generated = RandomNumberGenerator.GetBytes(32);
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(JsonSerializer.Serialize(new Dictionary<string, string> { ["keyEncryptionKey"] = Convert.ToBase64String(generated) }));
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return generated;
    }
}
