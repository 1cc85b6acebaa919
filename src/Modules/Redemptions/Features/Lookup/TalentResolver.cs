using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Cards.Contracts;
using TalentPass.Modules.Codes.Contracts;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Redemptions.Domain;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Redemptions.Features.Lookup;

/// <summary>The staff member redeeming: their organisation is "here" (the service point or partner).</summary>
internal sealed record Staff(Guid OrganisationId, Guid? AccountId, ClaimsPrincipal User);

/// <summary>The talent identified by a scan, a card swipe or a lookup id.</summary>
internal sealed record IdentifiedTalent(Guid TalentId, string MaskedName, string Level, string Category, string Status, string Source);

/// <summary>
/// Finds the talent behind a scanned code (<see cref="ICodeVerification"/>: signature, time window, status list,
/// scan log), a card token (<see cref="ICardDirectory"/>: the staff's own partner, else the card-issuing partners),
/// or a lookup id — an authenticated, encrypted token (<see cref="IFieldProtector"/>) naming the talent, the
/// organisation it was issued to, how the talent was identified and its expiry, so a redemption after a lookup needs
/// no second verification and works on any node.
/// </summary>
internal sealed class TalentResolver(
    ICodeVerification codes,
    ICardDirectory cards,
    IOrganisationDirectory organisations,
    ITalentDirectory talents,
    IFieldProtector protector,
    IOptions<RedemptionsOptions> options,
    TimeProvider clock)
{
    private const string LookupPrefix = "lk1|";

    /// <summary>
    /// The talent of a scanned code. <paramref name="offline"/> (a code seen offline, synchronised later) accepts an
    /// expired code whose signature verified and returns a suspended talent too (the caller records a conflict).
    /// </summary>
    public async Task<Result<IdentifiedTalent>> FromCodeAsync(string code, Staff staff, bool offline, CancellationToken ct)
    {
        var check = await codes.VerifyAsync(code.Trim(), staff.User, ct);
        if (!offline && check.Outcome is "suspended" or "terminated")
        {
            return RedemptionsErrors.TalentSuspended;
        }

        var usable = check.Outcome == "valid" || (offline && check.Outcome is "expired" or "suspended" or "terminated");
        if (!usable || check.TalentId is not { } talentId)
        {
            return RedemptionsErrors.CodeNotValid;
        }

        var source = check.Mode == "static" ? RedemptionSources.StaticCode : RedemptionSources.DynamicCode;
        return await CurrentAsync(talentId, source, offline, ct);
    }

    public async Task<Result<IdentifiedTalent>> FromCardAsync(string cardToken, Staff staff, bool offline, CancellationToken ct)
    {
        var card = await cards.FindByTokenAsync(staff.OrganisationId, cardToken, ct);
        if (card is null)
        {
            foreach (var partner in await organisations.ListAsync(OrganisationKind.Partner, ct))
            {
                if (partner.Id != staff.OrganisationId && partner.IsActive)
                {
                    card = await cards.FindByTokenAsync(partner.Id, cardToken, ct);
                    if (card is not null)
                    {
                        break;
                    }
                }
            }
        }

        if (card is null || card.Status is not (CardStatuses.Issued or CardStatuses.Active))
        {
            return RedemptionsErrors.CardUnknown;
        }

        return await CurrentAsync(card.TalentId, RedemptionSources.Card, offline, ct);
    }

    public async Task<Result<IdentifiedTalent>> FromLookupAsync(string lookupId, Staff staff, CancellationToken ct)
    {
        string plain;
        try
        {
            plain = protector.Unprotect(lookupId.Trim());
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            return RedemptionsErrors.LookupInvalid;
        }

        var parts = plain.Split('|');
        if (parts.Length != 5 || parts[0] + "|" != LookupPrefix
            || !Guid.TryParseExact(parts[1], "N", out var talentId)
            || !Guid.TryParseExact(parts[2], "N", out var organisationId)
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || organisationId != staff.OrganisationId
            || clock.GetUtcNow().UtcTicks > expires)
        {
            return RedemptionsErrors.LookupInvalid;
        }

        return await CurrentAsync(talentId, parts[3], false, ct);
    }

    public string IssueLookup(IdentifiedTalent talent, Staff staff)
    {
        var expires = clock.GetUtcNow().AddMinutes(options.Value.LookupValidityMinutes).UtcTicks;
        return protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{LookupPrefix}{talent.TalentId:N}|{staff.OrganisationId:N}|{talent.Source}|{expires}"));
    }

    /// <summary>The talent's current level, category and status from the registry (a suspension is seen at once).</summary>
    private async Task<Result<IdentifiedTalent>> CurrentAsync(Guid talentId, string source, bool allowInactive, CancellationToken ct)
    {
        var talent = await talents.GetAsync(talentId, ct);
        if (talent is null)
        {
            return RedemptionsErrors.TalentUnknown;
        }

        if (talent.Status != "active" && !allowInactive)
        {
            return RedemptionsErrors.TalentSuspended;
        }

        return new IdentifiedTalent(talent.Id, talent.MaskedName, talent.Level, talent.Category, talent.Status, source);
    }
}

/// <summary>The catalogue snapshot indexed by right id, built once per snapshot instance.</summary>
internal static class CatalogueIndex
{
    private static readonly ConditionalWeakTable<RightsCatalogueSnapshot, Dictionary<Guid, RightDefinition>> Indexes = new();

    public static async Task<RightDefinition?> FindAsync(IRightsCatalogue catalogue, Guid rightId, CancellationToken ct)
    {
        var snapshot = await catalogue.GetSnapshotAsync(ct);
        var index = Indexes.GetValue(snapshot, static s => s.Rights.ToDictionary(r => r.Id));
        return index.TryGetValue(rightId, out var right) ? right : await catalogue.GetAsync(rightId, ct);
    }
}
