using System.Collections.Immutable;
using System.Security.Cryptography;

namespace TalentPass.Verifier;

/// <summary>
/// Verifies codes in memory against a cached trust list and status lists — what a service point or partner embeds.
/// Stale trust or status data (past its ValidUntil) makes the answer <see cref="VerificationOutcome.Undetermined"/>,
/// never suspended or terminated. Thread-safe; lists can be replaced while verifying.
/// </summary>
public sealed class OfflineVerifier
{
    /// <summary>Default clock tolerance: one refresh step of a dynamic code.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromSeconds(30);

    private static readonly CodeKeyRing NoKeys = new([]);

    private readonly ICodeVerificationKey _root;
    private readonly TimeProvider _time;
    private readonly TimeSpan _tolerance;
    private readonly Lock _installing = new();
    private volatile Trust? _trust;
    private volatile ImmutableDictionary<uint, StatusList> _statusLists = ImmutableDictionary<uint, StatusList>.Empty;

    public OfflineVerifier(ICodeVerificationKey root, TimeProvider? time = null, TimeSpan? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        _root = root;
        _time = time ?? TimeProvider.System;
        _tolerance = tolerance ?? DefaultTolerance;
        ArgumentOutOfRangeException.ThrowIfLessThan(_tolerance, TimeSpan.Zero, nameof(tolerance));
    }

    /// <summary>The trust list in use (null until one was installed).</summary>
    public TrustList? TrustList => _trust?.List;

    /// <summary>The status lists in use, by id.</summary>
    public IReadOnlyDictionary<uint, StatusList> StatusLists => _statusLists;

    /// <summary>Installs a signed trust list if it verifies and is newer than the one held.</summary>
    public bool TryUseTrustList(ReadOnlySpan<byte> signed, out string? reason)
    {
        var list = TrustList.Open(signed, _root, out reason);
        if (list is null)
        {
            return false;
        }

        var keys = new List<ICodeVerificationKey>(list.Keys.Count);
        foreach (var key in list.Keys)
        {
            try
            {
                keys.Add(CodeKeys.WithValidity(CodeKeys.CreateVerificationKey(key.Profile, key.SubjectPublicKeyInfo.Span), key.NotBefore, key.NotAfter));
            }
            catch (Exception e) when (e is CryptographicException or PlatformNotSupportedException)
            {
                // A key this machine cannot use (e.g. sm2 without libcrypto): its codes answer unknown_key.
            }
        }

        lock (_installing)
        {
            var held = _trust?.List;
            if (held is not null && (list.Sequence < held.Sequence || (list.Sequence == held.Sequence && list.IssuedAt < held.IssuedAt)))
            {
                reason = "trust list: older than the one held";
                return false;
            }

            if (held is null || list.Sequence > held.Sequence || list.IssuedAt > held.IssuedAt)
            {
                _trust = new Trust(list, new CodeKeyRing(keys));
            }
        }

        reason = null;
        return true;
    }

    /// <summary>Installs a signed status list if it verifies against the trust list and is newer than the one held.</summary>
    public bool TryUseStatusList(ReadOnlySpan<byte> signed, out string? reason)
    {
        var trust = _trust;
        if (trust is null)
        {
            reason = "status list: no trust list to check it against";
            return false;
        }

        var list = StatusList.Open(signed, trust.Keys, out reason);
        if (list is null)
        {
            return false;
        }

        lock (_installing)
        {
            if (_statusLists.TryGetValue(list.Id, out var held))
            {
                if (list.IssuedAt < held.IssuedAt)
                {
                    reason = "status list: older than the one held";
                    return false;
                }

                if (list.IssuedAt == held.IssuedAt)
                {
                    return true;
                }
            }

            _statusLists = _statusLists.SetItem(list.Id, list);
        }

        return true;
    }

    public VerificationResult Verify(string? code)
    {
        var trust = _trust;
        var now = _time.GetUtcNow();
        var result = TalentCode.Verify(code, trust?.Keys ?? NoKeys, now, _tolerance);
        var trustFresh = trust is not null && now <= trust.List.ValidUntil;
        switch (result.Outcome)
        {
            case VerificationOutcome.UnknownKey when !trustFresh:
                return result with
                {
                    Outcome = VerificationOutcome.Undetermined,
                    Reason = trust is null ? "undetermined: no trust list" : "undetermined: the trust list is out of date and does not know the key",
                };
            case VerificationOutcome.Valid:
                break;
            default:
                return result;
        }

        var claims = result.Claims!;
        if (!string.Equals(claims.Issuer, trust!.List.Issuer, StringComparison.Ordinal))
        {
            return result with { Outcome = VerificationOutcome.InvalidSignature, Reason = "the code names another issuer than the trust list" };
        }

        if (!trustFresh)
        {
            return result with { Outcome = VerificationOutcome.Undetermined, Reason = "undetermined: the trust list is out of date" };
        }

        if (!_statusLists.TryGetValue(claims.StatusListId, out var statusList))
        {
            return result with { Outcome = VerificationOutcome.Undetermined, Reason = "undetermined: no status list for this code" };
        }

        if (now > statusList.ValidUntil)
        {
            return result with { Outcome = VerificationOutcome.Undetermined, Reason = "undetermined: the status list is out of date" };
        }

        if (claims.StatusListIndex >= (uint)statusList.Size)
        {
            return result with { Outcome = VerificationOutcome.Undetermined, Reason = "undetermined: the status index lies outside the status list" };
        }

        return statusList.Get((int)claims.StatusListIndex) switch
        {
            EntryStatus.Valid => result,
            EntryStatus.Suspended => result with { Outcome = VerificationOutcome.Suspended, Reason = "the talent is suspended" },
            _ => result with { Outcome = VerificationOutcome.Terminated, Reason = "the talent's status is terminated" },
        };
    }

    private sealed record Trust(TrustList List, CodeKeyRing Keys);
}
