namespace TalentPass.Modules.Contribution.Domain;

/// <summary>
/// One version of the contribution-value formula (服务贡献值): points = discount given in yuan × <see cref="YuanWeightMilli"/>/1000
/// + redemptions × <see cref="RedemptionWeightMilli"/>/1000. Versions follow each other without gaps: a new version closes the
/// open one the day before it takes effect; a version is never edited once stored (past periods keep their value).
/// </summary>
internal sealed class ContributionFormula
{
    public Guid Id { get; set; }

    public int Version { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public int YuanWeightMilli { get; set; }

    public int RedemptionWeightMilli { get; set; }

    public string Note { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? CreatedBy { get; set; }

    public bool Covers(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);
}

/// <summary>The redemptions and discount of one institution on one business day (the unit the formula is applied to).</summary>
internal sealed record DailyContribution(Guid OrganisationId, DateOnly Day, int Redemptions, long DiscountFen);

/// <summary>An institution's contribution over a period; <see cref="Points"/> in thousandths (display ÷ 1000).</summary>
internal sealed record ContributionTotal(Guid OrganisationId, int Redemptions, long DiscountFen, long PointsMilli, IReadOnlyList<int> FormulaVersions);

/// <summary>Applies the versioned formula: each day's redemptions with the version in force on that day (no version → no points).</summary>
internal static class ContributionCalculator
{
    public static long PointsMilli(ContributionFormula formula, int redemptions, long discountFen)
    {
        ArgumentNullException.ThrowIfNull(formula);

        // discountFen / 100 yuan × weight/1000 → in thousandths of a point: discountFen × weight / 100.
        return (discountFen * formula.YuanWeightMilli / 100) + ((long)redemptions * formula.RedemptionWeightMilli);
    }

    public static IReadOnlyList<ContributionTotal> Totals(IEnumerable<DailyContribution> days, IReadOnlyList<ContributionFormula> formulas)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(formulas);
        return days.GroupBy(d => d.OrganisationId)
            .Select(g =>
            {
                long points = 0;
                var versions = new SortedSet<int>();
                foreach (var day in g)
                {
                    var formula = formulas.FirstOrDefault(f => f.Covers(day.Day));
                    if (formula is not null)
                    {
                        points += PointsMilli(formula, day.Redemptions, day.DiscountFen);
                        versions.Add(formula.Version);
                    }
                }

                return new ContributionTotal(g.Key, g.Sum(d => d.Redemptions), g.Sum(d => d.DiscountFen), points, versions.ToList());
            })
            .OrderByDescending(t => t.PointsMilli).ThenByDescending(t => t.DiscountFen).ThenBy(t => t.OrganisationId)
            .ToList();
    }

    /// <summary>The formula after adding a version from <paramref name="validFrom"/>: null when allowed, otherwise why not.</summary>
    public static string? CheckNewVersion(IReadOnlyList<ContributionFormula> existing, DateOnly validFrom, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(existing);
        if (validFrom < today)
        {
            return "retroactive";
        }

        return existing.Count > 0 && validFrom <= existing.Max(f => f.ValidFrom) ? "not_after_latest" : null;
    }
}
