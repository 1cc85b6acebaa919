using System.Text;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Demo;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.Modules.Partners.Domain;
using TalentPass.Modules.Partners.Persistence;

namespace TalentPass.Modules.Partners.Demo;

/// <summary>
/// Demo mode only: registers the three demo banks (Identity organisations of kind Partner) as active financial partners and the demo
/// merchant as a consumer partner,
/// with their agreement recorded as evidence, and gives each a deterministic SANDBOX API key
/// (<c>tpk_sandbox_&lt;code&gt;</c>, secret from <see cref="ApiKeyIssuer.SandboxSecret"/>) printed in docs/partner-api.md.
/// Idempotent by organisation.
/// </summary>
internal sealed class PartnersDemoSeeder(
    PartnersDbContext db,
    IOrganisationDirectory organisations,
    ApiKeyIssuer keys,
    ILedger ledger,
    TimeProvider clock) : IDemoSeeder
{
    public static readonly IReadOnlyList<(string Code, string LicenceStem)> Banks =
    [
        ("bank-zhongyuan", "91410100MA000001"),
        ("bank-icbc", "91410100MA000002"),
        ("bank-ccb", "91410100MA000003"),
    ];

    /// <summary>Consumer partners (M-18: onboarded by the operator): a third-party institution giving discounts (M-17).</summary>
    public static readonly IReadOnlyList<(string Code, string LicenceStem)> Consumers =
    [
        ("merchant-bookstore", "91410100MA000101"),
    ];

    public int Order => 110;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var partners = (await organisations.ListAsync(OrganisationKind.Partner, cancellationToken)).ToDictionary(o => o.Code);
        var now = clock.GetUtcNow();
        foreach (var (code, stem, kind) in Banks.Select(b => (b.Code, b.LicenceStem, PartnerKinds.Financial)).Concat(Consumers.Select(c => (c.Code, c.LicenceStem, PartnerKinds.Consumer))))
        {
            if (!partners.TryGetValue(code, out var organisation) || await db.Partners.AnyAsync(p => p.OrganisationId == organisation.Id, cancellationToken))
            {
                continue;
            }

            var agreement = Encoding.UTF8.GetBytes(kind == PartnerKinds.Financial
                ? $"人才卡金融服务合作协议（示例）/ Talent card financial partnership agreement (demo): {code}"
                : $"人才码消费权益运营合作协议（示例）/ Talent code consumer rights operating agreement (demo): {code}");
            var digest = LedgerDigest.Sha256(agreement);
            var evidence = await ledger.AppendAsync(new LedgerEntryDraft(LedgerKinds.Agreement, digest, [code], PartnerOnboarding.Source, now, $"partner:{code}"), cancellationToken);
            db.Partners.Add(new PartnerRow
            {
                OrganisationId = organisation.Id,
                Code = code,
                Name = organisation.Name,
                Kind = kind,
                Status = PartnerStatuses.Active,
                LicenceCode = PartnerRules.WithCheckCharacter(stem + "X"),
                ContactName = "示例联系人",
                ContactPhone = "0371-60000000",
                ContactEmail = $"api@{code}.example",
                AgreementDigest = digest,
                AgreementLedgerIndex = evidence.IsSuccess ? evidence.Value.Index : null,
                OnboardedAt = now,
                StatusChangedAt = now,
                Version = 1,
            });
            keys.AddSandbox(organisation.Id, code);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
