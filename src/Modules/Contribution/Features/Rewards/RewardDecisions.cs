using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Contribution.Domain;
using TalentPass.Modules.Contribution.Features.Rankings;
using TalentPass.Modules.Contribution.Persistence;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Contribution.Features.Rewards;

internal sealed record RewardRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    public Guid? OrganisationId { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(1000, MinimumLength = 2, ErrorMessage = "2至1000个字符 / 2 to 1,000 characters.")]
    public string? Decision { get; init; }
}

internal sealed record RewardView(
    Guid Id,
    Guid OrganisationId,
    string OrganisationName,
    DateOnly From,
    DateOnly To,
    int Redemptions,
    long DiscountFen,
    decimal Points,
    string FormulaVersions,
    string Decision,
    string DocumentDigest,
    long? LedgerIndex,
    DateTimeOffset DecidedAt);

/// <summary>
/// The talent office's reward decisions for an institution's contribution: the figures of the period are computed
/// and frozen into the decision document, whose SHA-256 digest goes to the evidence ledger as <see cref="LedgerKinds.Reward"/>
/// (parties: the institution's code and <c>talent-office</c>; reference <c>reward:&lt;id&gt;</c>).
/// </summary>
internal sealed class RewardDecisions(
    ContributionDbContext db,
    ICurrentUser user,
    ContributionReader reader,
    IOrganisationDirectory organisations,
    IPartnerDirectory partners,
    ILedger ledger,
    TimeProvider clock)
{
    public async Task<Result<RewardView>> DecideAsync(RewardRequest request, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.TalentOffice) || user.AccountId is not { } account)
        {
            return ContributionErrors.TalentOfficeOnly;
        }

        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        var period = Period.Parse(request.From, request.To, reader.Today);
        if (!period.IsSuccess)
        {
            return period.Error;
        }

        var organisationId = request.OrganisationId!.Value;
        if (await organisations.GetAsync(organisationId, ct) is not { } organisation)
        {
            return ContributionErrors.OrganisationNotFound;
        }

        if (await partners.GetAsync(organisationId, ct) is null)
        {
            return ContributionErrors.NotThirdParty;
        }

        var total = (await reader.TotalsAsync(period.Value, organisationId, ct)).FirstOrDefault()
            ?? new ContributionTotal(organisationId, 0, 0, 0, []);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var versions = string.Join(",", total.FormulaVersions.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        var document = JsonSerializer.SerializeToUtf8Bytes(new
        {
            type = "contribution_reward",
            id,
            institution = organisation.Code,
            from = period.Value.From,
            to = period.Value.To,
            redemptions = total.Redemptions,
            discountFen = total.DiscountFen,
            pointsMilli = total.PointsMilli,
            formulaVersions = versions,
            decision = request.Decision!.Trim(),
            decidedBy = account,
            decidedAt = now,
        });
        var row = new RewardRow
        {
            Id = id,
            OrganisationId = organisationId,
            PeriodFrom = period.Value.From,
            PeriodTo = period.Value.To,
            Redemptions = total.Redemptions,
            DiscountFen = total.DiscountFen,
            PointsMilli = total.PointsMilli,
            FormulaVersions = versions,
            Decision = request.Decision!.Trim(),
            DocumentDigest = LedgerDigest.Sha256(document),
            DecidedBy = account,
            DecidedAt = now,
        };
        db.Rewards.Add(row);
        await db.SaveChangesAsync(ct);

        var appended = await ledger.AppendAsync(
            new LedgerEntryDraft(LedgerKinds.Reward, row.DocumentDigest, [organisation.Code, "talent-office"], "contribution", now, $"reward:{id}"), ct);
        if (!appended.IsSuccess)
        {
            db.Rewards.Remove(row);
            await db.SaveChangesAsync(ct);
            return ContributionErrors.LedgerFailed(appended.Error.Code);
        }

        row.LedgerIndex = appended.Value.Index;
        await db.SaveChangesAsync(ct);
        return View(row, organisation.Name);
    }

    public async Task<IReadOnlyList<RewardView>> ListAsync(Guid? organisationId, int max, CancellationToken ct)
    {
        var query = db.Rewards.AsNoTracking();
        if (organisationId is { } org)
        {
            query = query.Where(r => r.OrganisationId == org);
        }

        var rows = await query.OrderByDescending(r => r.DecidedAt).Take(Math.Clamp(max, 1, 200)).ToListAsync(ct);
        var views = new List<RewardView>(rows.Count);
        foreach (var row in rows)
        {
            views.Add(View(row, (await organisations.GetAsync(row.OrganisationId, ct))?.Name ?? "—"));
        }

        return views;
    }

    private static RewardView View(RewardRow r, string name) =>
        new(r.Id, r.OrganisationId, name, r.PeriodFrom, r.PeriodTo, r.Redemptions, r.DiscountFen, r.PointsMilli / 1000m, r.FormulaVersions, r.Decision, r.DocumentDigest, r.LedgerIndex, r.DecidedAt);
}
