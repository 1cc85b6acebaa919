using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Contribution.Domain;
using TalentPass.Modules.Contribution.Persistence;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Contribution.Features.Rankings;

/// <summary>A business-day period, both ends included.</summary>
internal sealed record Period(DateOnly From, DateOnly To)
{
    /// <summary>Defaults: from 1 January of <paramref name="today"/>'s year to <paramref name="today"/>.</summary>
    public static Result<Period> Parse(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var f = from ?? new DateOnly(today.Year, 1, 1);
        var t = to ?? today;
        return f > t || t.DayNumber - f.DayNumber > 366 * 3 ? ContributionErrors.PeriodInvalid : new Period(f, t);
    }
}

/// <summary>One institution's place in the ranking; points with two decimals (<see cref="ContributionTotal.PointsMilli"/> ÷ 1000).</summary>
internal sealed record RankingRow(int Rank, Guid OrganisationId, string OrganisationCode, string OrganisationName, int Redemptions, long DiscountFen, decimal Points, IReadOnlyList<int> FormulaVersions);

internal sealed record RankingView(DateOnly From, DateOnly To, IReadOnlyList<RankingRow> Rows);

internal sealed record FormulaView(int Version, DateOnly ValidFrom, DateOnly? ValidTo, decimal YuanWeight, decimal RedemptionWeight, string Note, DateTimeOffset CreatedAt, bool InForce);

/// <summary>Contribution value per third-party institution over a period (each day by the formula version in force that day).</summary>
internal sealed class ContributionReader(ContributionDbContext db, IOrganisationDirectory organisations, TimeProvider clock)
{
    public DateOnly Today => BusinessTime.Today(clock);

    public async Task<Result<RankingView>> RankingAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var period = Period.Parse(from, to, Today);
        if (!period.IsSuccess)
        {
            return period.Error;
        }

        var totals = await TotalsAsync(period.Value, null, ct);
        var rows = new List<RankingRow>(totals.Count);
        foreach (var t in totals)
        {
            var org = await organisations.GetAsync(t.OrganisationId, ct);
            rows.Add(new RankingRow(rows.Count + 1, t.OrganisationId, org?.Code ?? "—", org?.Name ?? t.OrganisationId.ToString(), t.Redemptions, t.DiscountFen, t.PointsMilli / 1000m, t.FormulaVersions));
        }

        return new RankingView(period.Value.From, period.Value.To, rows);
    }

    public async Task<IReadOnlyList<ContributionTotal>> TotalsAsync(Period period, Guid? organisationId, CancellationToken ct)
    {
        var query = db.Redemptions.AsNoTracking()
            .Where(r => r.ThirdParty && !r.Reversed && r.BusinessDay >= period.From && r.BusinessDay <= period.To);
        if (organisationId is { } org)
        {
            query = query.Where(r => r.ServicePointOrganisationId == org);
        }

        var days = await query
            .GroupBy(r => new { r.ServicePointOrganisationId, r.BusinessDay })
            .Select(g => new { g.Key.ServicePointOrganisationId, g.Key.BusinessDay, Count = g.Count(), Discount = g.Sum(r => r.DiscountFen) })
            .ToListAsync(ct);
        var formulas = await db.Formulas.AsNoTracking().ToListAsync(ct);
        return ContributionCalculator.Totals(days.Select(d => new DailyContribution(d.ServicePointOrganisationId, d.BusinessDay, d.Count, d.Discount)), formulas);
    }

    public async Task<IReadOnlyList<FormulaView>> FormulasAsync(CancellationToken ct)
    {
        var today = Today;
        var rows = await db.Formulas.AsNoTracking().OrderByDescending(f => f.Version).ToListAsync(ct);
        return rows.Select(f => new FormulaView(f.Version, f.ValidFrom, f.ValidTo, f.YuanWeightMilli / 1000m, f.RedemptionWeightMilli / 1000m, f.Note, f.CreatedAt, f.Covers(today))).ToList();
    }
}
