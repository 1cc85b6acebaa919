using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Infrastructure.Security;
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
    private const string KeyPurpose = "ledger-signing-key";

    public const string Ed25519 = "ed25519";
    public const string Sm2 = "sm2";
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lazy<KeyWrapper> kek = new(() => KeyWrapper.FromConfiguration(
        "Ledger", options.Value.KeyEncryptionKey, options.Value.AllowGeneratedKeys, options.Value.GeneratedKeyFile));
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

    private string Protect(string plaintext) => kek.Value.Wrap(Encoding.UTF8.GetBytes(plaintext), KeyPurpose);

    private string Unprotect(string cipher) => Encoding.UTF8.GetString(kek.Value.Unwrap(cipher, KeyPurpose));
}
