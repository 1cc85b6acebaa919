using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Modules.Partners.ApiSecurity;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.Modules.Partners.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Partners.Domain;

/// <summary>What becomes a partner: from an approved application (financial) or the operator's direct onboarding (consumer).</summary>
internal sealed record OnboardingDraft(
    string Kind,
    string Code,
    string Name,
    string LicenceCode,
    string ContactName,
    string ContactPhone,
    string? ContactEmail,
    string StaffUsername,
    string AgreementSha256Hex,
    Guid? ApplicationId);

/// <summary>The result of onboarding, shown ONCE to the reviewer: the staff account's initial password and the first API key.</summary>
internal sealed record OnboardingResult(
    Guid OrganisationId,
    string Code,
    string StaffUsername,
    string StaffInitialPassword,
    string KeyId,
    string Secret,
    string AgreementDigest,
    long AgreementLedgerIndex);

/// <summary>
/// Onboards a partner: checks the code, licence code and staff username are free, records the agreement's SHA-256 in
/// the evidence ledger (kind <c>agreement</c>; if the ledger refuses, nothing else happens), creates the Identity
/// organisation (kind Partner) and a partner_staff account with a generated initial password, then saves the partner
/// row with its first API key (and the application's approval, in the same save).
/// </summary>
internal sealed partial class PartnerOnboarding(
    PartnersDbContext db,
    IOrganisationProvisioning provisioning,
    IAccountDirectory accounts,
    IOrganisationDirectory organisations,
    ILedger ledger,
    ApiKeyIssuer keys,
    ICurrentUser user,
    IAuditTrail audit,
    TimeProvider clock,
    ILogger<PartnerOnboarding> logger)
{
    public const string Source = "partners";

    public async Task<Result<OnboardingResult>> OnboardAsync(OnboardingDraft draft, Func<Guid, DateTimeOffset, Task>? beforeSave, CancellationToken ct)
    {
        if (await db.Partners.AnyAsync(p => p.LicenceCode == draft.LicenceCode || p.Code == draft.Code, ct))
        {
            return PartnersErrors.LicenceCodeTaken;
        }

        if (await accounts.FindAccountIdAsync(draft.StaffUsername, ct) is not null)
        {
            return Error.Conflict("identity.username_taken", "This username is already taken.");
        }

        var now = clock.GetUtcNow();
        var digest = "sha256:" + draft.AgreementSha256Hex;
        var actor = user.OrganisationId is { } own ? (await organisations.GetAsync(own, ct))?.Code : null;
        var evidence = await ledger.AppendAsync(
            new LedgerEntryDraft(
                LedgerKinds.Agreement,
                digest,
                actor is null || actor == draft.Code ? [draft.Code] : [draft.Code, actor],
                Source,
                now,
                draft.ApplicationId is { } applicationId ? $"partner-application:{applicationId}" : $"partner:{draft.Code}"),
            ct);
        if (!evidence.IsSuccess)
        {
            LogEvidenceRefused(logger, evidence.Error.Code);
            return PartnersErrors.EvidenceFailed;
        }

        var organisation = await provisioning.CreateOrganisationAsync(draft.Code, draft.Name, OrganisationKind.Partner, ct);
        if (!organisation.IsSuccess)
        {
            return organisation.Error;
        }

        var password = NewInitialPassword();
        var account = await provisioning.CreateAccountAsync(draft.StaffUsername, draft.Name, password, Roles.PartnerStaff, organisation.Value.Id, ct);
        if (!account.IsSuccess)
        {
            return account.Error;
        }

        var organisationId = organisation.Value.Id;
        db.Partners.Add(new PartnerRow
        {
            OrganisationId = organisationId,
            Code = draft.Code,
            Name = draft.Name,
            Kind = draft.Kind,
            Status = PartnerStatuses.Active,
            LicenceCode = draft.LicenceCode,
            ContactName = draft.ContactName,
            ContactPhone = draft.ContactPhone,
            ContactEmail = draft.ContactEmail,
            AgreementDigest = digest,
            AgreementLedgerIndex = evidence.Value.Index,
            ApplicationId = draft.ApplicationId,
            OnboardedAt = now,
            OnboardedBy = user.AccountId,
            StatusChangedAt = now,
            Version = 1,
        });
        var key = await keys.AddAsync(organisationId, "Initial key 初始密钥", user.AccountId, ct);
        if (!key.IsSuccess)
        {
            return key.Error;
        }

        if (beforeSave is not null)
        {
            await beforeSave(organisationId, now);
        }

        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditRecord("partners.partner_onboarded", "organisation", organisationId.ToString(), $"code={draft.Code}; kind={draft.Kind}; key={key.Value.KeyId}; evidence={evidence.Value.Index}"), ct);
        return new OnboardingResult(organisationId, draft.Code, draft.StaffUsername.Trim().ToLowerInvariant(), password, key.Value.KeyId, key.Value.Secret, digest, evidence.Value.Index);
    }

    /// <summary>20 characters with letters, digits and a symbol (the Identity password rule).</summary>
    private static string NewInitialPassword() => "Tp!" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) + "7";

    [LoggerMessage(EventId = 5110, Level = LogLevel.Error, Message = "The evidence ledger refused a partner agreement: {Code}")]
    private static partial void LogEvidenceRefused(ILogger logger, string code);
}
