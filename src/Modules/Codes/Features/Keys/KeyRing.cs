using System.Buffers.Binary;
using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalentPass.Modules.Codes.Persistence;
using TalentPass.Verifier;

namespace TalentPass.Modules.Codes.Features.Keys;

/// <summary>The issuer key that signs codes and status lists now.</summary>
internal sealed record ActiveIssuer(ICodeSigner Signer, string KeyId, DateTimeOffset NotBefore, DateTimeOffset NotAfter);

/// <summary>A public key the server trusts with its validity.</summary>
internal sealed record KnownKey(ICodeVerificationKey Key, string KeyId, string Kind, DateTimeOffset NotBefore, DateTimeOffset NotAfter, DateTimeOffset? RetiredAt);

/// <summary>
/// The keys of this deployment, held in memory (a node-wide singleton): every issuer public key (the online
/// verifier's <see cref="IKeyResolver"/>), the active issuer signer and the root signer. Loaded from
/// <c>codes_keys</c>, re-read after <see cref="CodesOptions.CacheRefresh"/> × 15 and at once (rate-limited) when a
/// code carries a key id this node does not know yet (another node rotated). Creates the root key and the first
/// issuer key when there are none; replaces the issuer key when its remaining validity is short.
/// </summary>
internal sealed partial class KeyRing(
    IServiceScopeFactory scopes,
    KeyEncryption encryption,
    IOptions<CodesOptions> options,
    TimeProvider clock,
    ILogger<KeyRing> logger) : IKeyResolver, IDisposable
{
    /// <summary>The root key row has a fixed id, so two nodes starting together cannot both create one.</summary>
    internal static readonly Guid RootRowId = new("00000000-0000-0000-0000-00000000c0de");

    /// <summary>A new key's validity starts this much before its creation: nodes whose clocks lag a little still accept its first codes.</summary>
    internal static readonly TimeSpan ClockSkewMargin = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan MissReloadInterval = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Snapshot? snapshot;
    private long lastMissReloadTicks;

    /// <summary>Moves on every reload that changed the set of keys (trust-list cache key).</summary>
    public long Version => snapshot?.Version ?? 0;

    public void Dispose() => gate.Dispose();

    public ICodeVerificationKey? Find(ReadOnlySpan<byte> keyId) =>
        keyId.Length == 8 && snapshot is { } s && s.Keys.TryGetValue(BinaryPrimitives.ReadUInt64BigEndian(keyId), out var known) && known.Kind == CodeKeyRow.IssuerKind
            ? known.Key
            : null;

    /// <summary>Loaded and recent enough keys; completes synchronously on the hot path.</summary>
    public ValueTask<Snapshot> CurrentAsync(CancellationToken ct)
    {
        var s = snapshot;
        return s is not null && clock.GetUtcNow() - s.LoadedAt < KeyTtl ? ValueTask.FromResult(s) : new ValueTask<Snapshot>(LoadAsync(ensure: true, ct));
    }

    /// <summary>Re-reads the keys when an unknown key id was seen and the last such reload is older than 2 s; true if reloaded.</summary>
    public async ValueTask<bool> ReloadAfterMissAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref lastMissReloadTicks);
        if (now - last < MissReloadInterval.Ticks || Interlocked.CompareExchange(ref lastMissReloadTicks, now, last) != last)
        {
            return false;
        }

        var before = Version;
        await LoadAsync(ensure: false, ct);
        return Version != before;
    }

    /// <summary>The issuer signing now; renews it first when its validity runs short.</summary>
    public async Task<ActiveIssuer> IssuerAsync(CancellationToken ct)
    {
        var s = await CurrentAsync(ct);
        if (s.Issuer is { } issuer && issuer.NotAfter - clock.GetUtcNow() > options.Value.IssuerKeyRenewBefore)
        {
            return issuer;
        }

        s = await LoadAsync(ensure: true, ct);
        return s.Issuer ?? throw new InvalidOperationException("No issuer key after ensuring one.");
    }

    public async Task<(ICodeSigner Signer, string KeyId)> RootAsync(CancellationToken ct)
    {
        var s = await CurrentAsync(ct);
        return (s.RootSigner, s.RootKeyId);
    }

    /// <summary>Creates a new issuer key (of <paramref name="profile"/> or the configured one) and retires the others from signing; they stay trusted until their validity ends.</summary>
    public async Task<CodeKeyRow> RotateAsync(string? profile, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CodesDbContext>();
            var now = clock.GetUtcNow();
            await EnsureRootAsync(db, now, ct);
            var row = NewKey(CodeKeyRow.IssuerKind, profile ?? options.Value.Profile, now, now.Add(options.Value.IssuerKeyValidity), Guid.CreateVersion7(now));
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Keys.Where(k => k.Kind == CodeKeyRow.IssuerKind && k.RetiredAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(k => k.RetiredAt, now), ct);
            db.Keys.Add(row);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            LogRotated(logger, row.KeyId, row.Profile);
            snapshot = await ReadAsync(db, ct);
            return row;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>All keys (root and issuers) as stored now (re-read, so other nodes' rotations show), newest first.</summary>
    public async Task<IReadOnlyList<KnownKey>> AllAsync(CancellationToken ct) =>
        (await LoadAsync(ensure: true, ct)).Keys.Values.OrderByDescending(k => k.NotBefore).ThenByDescending(k => k.Kind).ToList();

    private TimeSpan KeyTtl => options.Value.CacheRefresh * 15;

    private async Task<Snapshot> LoadAsync(bool ensure, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CodesDbContext>();
            var now = clock.GetUtcNow();
            if (ensure)
            {
                await EnsureRootAsync(db, now, ct);
                var renewBefore = now.Add(options.Value.IssuerKeyRenewBefore);
                var hasIssuer = await db.Keys.AnyAsync(k => k.Kind == CodeKeyRow.IssuerKind && k.RetiredAt == null && k.NotBefore <= now && k.NotAfter > renewBefore, ct);
                if (!hasIssuer)
                {
                    await db.Keys.Where(k => k.Kind == CodeKeyRow.IssuerKind && k.RetiredAt == null)
                        .ExecuteUpdateAsync(u => u.SetProperty(k => k.RetiredAt, now), ct);
                    var row = NewKey(CodeKeyRow.IssuerKind, options.Value.Profile, now, now.Add(options.Value.IssuerKeyValidity), Guid.CreateVersion7(now));
                    db.Keys.Add(row);
                    await db.SaveChangesAsync(ct);
                    LogCreated(logger, row.KeyId, row.Kind, row.Profile);
                }
            }

            var loaded = await ReadAsync(db, ct);
            snapshot = loaded;
            return loaded;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task EnsureRootAsync(CodesDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Keys.AnyAsync(k => k.Id == RootRowId, ct))
        {
            return;
        }

        var root = NewKey(CodeKeyRow.RootKind, options.Value.Profile, now, now.Add(options.Value.RootKeyValidity), RootRowId);
        db.Keys.Add(root);
        try
        {
            await db.SaveChangesAsync(ct);
            LogCreated(logger, root.KeyId, root.Kind, root.Profile);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // another node created it first
        }
    }

    private CodeKeyRow NewKey(string kind, string profile, DateTimeOffset notBefore, DateTimeOffset notAfter, Guid id)
    {
        var privateKey = CodeKeys.GeneratePrivateKey(profile);
        var publicKey = CodeKeys.ExportPublicKey(profile, privateKey);
        var keyId = Convert.ToHexStringLower(CodeKeys.ComputeKeyId(publicKey));
        return new CodeKeyRow
        {
            Id = id,
            KeyId = keyId,
            Kind = kind,
            Profile = profile,
            PublicKey = publicKey,
            PrivateKeyCipher = encryption.Protect(privateKey, keyId),
            NotBefore = Truncate(notBefore - ClockSkewMargin),
            NotAfter = Truncate(notAfter),
            CreatedAt = notBefore,
        };
    }

    private static DateTimeOffset Truncate(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private async Task<Snapshot> ReadAsync(CodesDbContext db, CancellationToken ct)
    {
        var rows = await db.Keys.AsNoTracking().ToListAsync(ct);
        var keys = new Dictionary<ulong, KnownKey>();
        ActiveIssuer? issuer = null;
        ICodeSigner? rootSigner = null;
        var rootKeyId = "";
        var now = clock.GetUtcNow();
        foreach (var row in rows.OrderBy(r => r.CreatedAt))
        {
            var keyIdBytes = Convert.FromHexString(row.KeyId);
            keys[BinaryPrimitives.ReadUInt64BigEndian(keyIdBytes)] =
                new KnownKey(CodeKeys.WithValidity(CodeKeys.CreateVerificationKey(row.Profile, row.PublicKey), row.NotBefore, row.NotAfter), row.KeyId, row.Kind, row.NotBefore, row.NotAfter, row.RetiredAt);
            if (row.Kind == CodeKeyRow.RootKind)
            {
                rootSigner = CodeKeys.CreateSigner(row.Profile, encryption.Unprotect(row.PrivateKeyCipher, row.KeyId));
                rootKeyId = row.KeyId;
            }
            else if (row.RetiredAt is null && row.NotBefore <= now && row.NotAfter > now)
            {
                // The newest unretired issuer key signs (rows are in creation order).
                issuer = new ActiveIssuer(CodeKeys.CreateSigner(row.Profile, encryption.Unprotect(row.PrivateKeyCipher, row.KeyId)), row.KeyId, row.NotBefore, row.NotAfter);
            }
        }

        var version = rows.Count == 0 ? 0 : rows.Aggregate(17L, (h, r) => unchecked((h * 31) + r.KeyId.GetHashCode(StringComparison.Ordinal) + (r.RetiredAt is null ? 1 : 2)));
        return rootSigner is null
            ? throw new InvalidOperationException("The root key is missing; it is created at the first use of the keys.")
            : new Snapshot(keys.ToFrozenDictionary(), issuer, rootSigner, rootKeyId, now, version);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Created {Kind} key {KeyId} ({Profile})")]
    private static partial void LogCreated(ILogger logger, string keyId, string kind, string profile);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Rotated the issuer key: {KeyId} ({Profile}) signs from now on")]
    private static partial void LogRotated(ILogger logger, string keyId, string profile);

    internal sealed record Snapshot(
        FrozenDictionary<ulong, KnownKey> Keys,
        ActiveIssuer? Issuer,
        ICodeSigner RootSigner,
        string RootKeyId,
        DateTimeOffset LoadedAt,
        long Version);
}
