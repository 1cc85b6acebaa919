using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TalentPass.Modules.Codes.Features.Keys;
using TalentPass.Modules.Codes.Features.Subjects;
using TalentPass.Modules.Codes.Persistence;
using TalentPass.Verifier;

namespace TalentPass.Modules.Codes.Features.Publishing;

/// <summary>
/// Signs what offline verifiers download: the trust list (issuer public keys, signed by the root key) and the
/// status lists (signed by the active issuer key, gzip bits). Signed bytes are cached and re-signed when their
/// content changed (key set or list version) or when older than <see cref="CodesOptions.StatusListRepublish"/>
/// (≤ 5 min; the trust list after a quarter of its maximum age), so what is served is never older than that.
/// Each node signs its own copies; all are valid.
/// </summary>
internal sealed class ListPublisher(KeyRing keys, StatusCache statuses, IOptions<CodesOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<int, Signed> statusLists = new();
    private volatile Signed? trustList;

    public async Task<byte[]> TrustListAsync(CancellationToken ct)
    {
        var current = await keys.CurrentAsync(ct);
        var now = clock.GetUtcNow();
        if (trustList is { } cached && cached.Version == current.Version && now - cached.SignedAt < options.Value.TrustListMaxAge / 4)
        {
            return cached.Bytes;
        }

        await keys.IssuerAsync(ct); // renews the issuer key first if due, so the list carries it
        current = await keys.CurrentAsync(ct);
        var issuedAt = Whole(now);
        var trusted = current.Keys.Values
            .Where(k => k.Kind == CodeKeyRow.IssuerKind && k.NotAfter > now)
            .OrderBy(k => k.NotBefore)
            .Select(k => new TrustedKey(Convert.FromHexString(k.KeyId), k.Key.Profile, k.Key.SubjectPublicKeyInfo, k.NotBefore, k.NotAfter))
            .ToList();
        var list = new TrustList(options.Value.Issuer, issuedAt.ToUnixTimeSeconds(), issuedAt, issuedAt.Add(options.Value.TrustListMaxAge), trusted);
        var (rootSigner, _) = await keys.RootAsync(ct);
        var signed = new Signed(list.Sign(rootSigner), current.Version, now, issuedAt);
        trustList = signed;
        return signed.Bytes;
    }

    public async Task<IReadOnlyList<int>> StatusListIdsAsync(CancellationToken ct)
    {
        await statuses.RefreshIfStaleAsync(ct);
        return statuses.Lists().Select(l => l.Id).ToList();
    }

    /// <summary>The signed list, or null when there is no list with this id.</summary>
    public async Task<byte[]?> StatusListAsync(int id, CancellationToken ct)
    {
        await statuses.RefreshIfStaleAsync(ct);
        if (statuses.Find(id) is not { } view)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (statusLists.TryGetValue(id, out var cached) && cached.Version == view.Version && now - cached.SignedAt < options.Value.StatusListRepublish)
        {
            return cached.Bytes;
        }

        var issuer = await keys.IssuerAsync(ct);
        var issuedAt = Whole(now);
        if (cached is not null && issuedAt <= cached.IssuedAt)
        {
            // Verifiers keep the list they hold when a new one has the same issue time: a change signed within the
            // same second as the previous copy must carry a later time to be taken.
            issuedAt = cached.IssuedAt.AddSeconds(1);
        }

        var list = new StatusList((uint)view.Id, view.Size, issuedAt, issuedAt.Add(options.Value.StatusListMaxAge));
        var entries = view.Entries;
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i] != 0)
            {
                list.Set(i, (EntryStatus)entries[i]);
            }
        }

        var signed = new Signed(list.Sign(issuer.Signer), view.Version, now, issuedAt);
        statusLists[id] = signed;
        return signed.Bytes;
    }

    /// <summary>Re-signs every list that is due (the background job calls this so requests find fresh bytes).</summary>
    public async Task RepublishAsync(CancellationToken ct)
    {
        await TrustListAsync(ct);
        foreach (var id in await StatusListIdsAsync(ct))
        {
            await StatusListAsync(id, ct);
        }
    }

    private static DateTimeOffset Whole(DateTimeOffset t) => DateTimeOffset.FromUnixTimeSeconds(t.ToUnixTimeSeconds());

    private sealed record Signed(byte[] Bytes, long Version, DateTimeOffset SignedAt, DateTimeOffset IssuedAt);
}
