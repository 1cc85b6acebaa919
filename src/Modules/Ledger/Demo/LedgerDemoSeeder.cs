using System.Text;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Demo;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Modules.Ledger.Domain;
using TalentPass.Modules.Ledger.Features.Append;
using TalentPass.Modules.Ledger.Features.Checkpoints;
using TalentPass.Modules.Ledger.Features.SubmitterKeys;
using TalentPass.Modules.Ledger.Persistence;

namespace TalentPass.Modules.Ledger.Demo;

/// <summary>
/// Demo evidence: cooperation agreements with the three demo banks, a host-bank commitment, a policy approval,
/// the demo bank's registered submitter key and one entry it signed; then a first checkpoint. Digests are of
/// small demo documents (the documents themselves stay off the log).
/// </summary>
internal sealed class LedgerDemoSeeder(
    LedgerService ledger,
    LedgerDbContext db,
    IOrganisationDirectory organisations,
    CheckpointPublisher publisher,
    TimeProvider clock) : IDemoSeeder
{
    public int Order => 90;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var day = new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);
        var banks = new[] { "bank-zhongyuan", "bank-icbc", "bank-ccb" };
        for (var i = 0; i < banks.Length; i++)
        {
            await AppendAsync(LedgerKinds.Agreement, $"人才卡合作协议（示例）/ Talent card cooperation agreement (demo) with {banks[i]}", [banks[i], "talent-office"], day.AddDays(i), $"agreement/2026-{i + 1:D3}", cancellationToken);
        }

        await AppendAsync(LedgerKinds.HostBankCommitment, "人才卡主办行服务承诺（示例）/ Host-bank service commitment (demo)", ["bank-zhongyuan", "talent-office"], day.AddDays(7), "commitment/2026-001", cancellationToken);
        await AppendAsync(LedgerKinds.PolicyApproval, "人才分类认定政策 2026 版（示例）/ Talent recognition policy 2026 (demo)", ["talent-office", "dept-hr"], day.AddDays(10), "policy/recognition-2026", cancellationToken);

        var partner = (await organisations.ListAsync(OrganisationKind.Partner, cancellationToken)).FirstOrDefault(o => o.Code == DemoPartnerKey.OrganisationCode);
        if (partner is not null)
        {
            var publicKey = DemoPartnerKey.PublicKey;
            var keyId = SubmitterKeysHandler.KeyIdOf(publicKey);
            if (!await db.SubmitterKeys.AnyAsync(k => k.KeyId == keyId, cancellationToken))
            {
                db.SubmitterKeys.Add(new SubmitterKeyRow
                {
                    KeyId = keyId,
                    OrganisationId = partner.Id,
                    OrganisationCode = partner.Code,
                    Algorithm = SubmitterKeysHandler.Algorithm,
                    PublicKey = publicKey,
                    CreatedAt = clock.GetUtcNow(),
                });
                await db.SaveChangesAsync(cancellationToken);
            }

            var report = ledger.Build(LedgerKinds.PerformanceReport, Digest("人才卡季度履约报告 2026Q1（示例）/ Talent card quarterly performance report 2026Q1 (demo)"),
                [partner.Code, "talent-office"], partner.Code, day.AddDays(40), "report/2026Q1", null);
            if (report.IsSuccess)
            {
                var signature = Convert.ToBase64String(DemoPartnerKey.Sign(report.Value.SignedMessage));
                await ledger.AppendAsync(report.Value.WithSignature(new SubmitterSignature(SubmitterKeysHandler.Algorithm, keyId, signature)), cancellationToken);
            }
        }

        await publisher.PublishAsync(force: true, cancellationToken);
    }

    private async Task AppendAsync(string kind, string document, string[] parties, DateTimeOffset time, string reference, CancellationToken ct)
    {
        var built = ledger.Build(kind, Digest(document), parties, "talentpass:demo", time, reference, null);
        if (built.IsSuccess)
        {
            await ledger.AppendAsync(built.Value, ct);
        }
    }

    private static string Digest(string document) => LedgerDigest.Sha256(Encoding.UTF8.GetBytes(document));
}
