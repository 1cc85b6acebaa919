using System.Globalization;
using TalentPass.Infrastructure.Reporting;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Reports.Domain;

/// <summary>What the period picker sent: a kind and the field of that kind (or from/to for a custom period).</summary>
internal sealed record PeriodQuery(string? Period, string? Month, string? Quarter, string? Year, DateOnly? From, DateOnly? To);

/// <summary>A resolved period with the kind it was picked as and a short label (2026-11, 2026Q4, 2026, 2026-01-01–2026-03-15).</summary>
internal sealed record PickedPeriod(string Kind, ReportPeriod Period, string Label);

/// <summary>
/// Turns the picker's input into a <see cref="ReportPeriod"/>: month (<c>yyyy-MM</c>), quarter (<c>yyyyQn</c>), year
/// (<c>yyyy</c>) or custom (<c>from</c>/<c>to</c>). Without a kind, from/to mean custom and nothing means the current
/// month. A missing field defaults to the current month, quarter or year.
/// </summary>
internal static class PeriodPicker
{
    public const string Month = "month";
    public const string Quarter = "quarter";
    public const string Year = "year";
    public const string Custom = "custom";

    public static IReadOnlyList<string> Kinds { get; } = [Month, Quarter, Year, Custom];

    private static readonly DateOnly Earliest = new(2000, 1, 1);

    public static Result<PickedPeriod> Resolve(PeriodQuery query, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(query);
        var kind = query.Period?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(kind))
        {
            kind = query.From is not null || query.To is not null ? Custom : Month;
        }

        switch (kind)
        {
            case Month:
                {
                    var text = string.IsNullOrWhiteSpace(query.Month) ? today.ToString("yyyy-MM", CultureInfo.InvariantCulture) : query.Month.Trim();
                    if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
                    {
                        return ReportsErrors.PeriodInvalid;
                    }

                    return Check(Month, first, first.AddMonths(1).AddDays(-1), text);
                }

            case Quarter:
                {
                    var text = string.IsNullOrWhiteSpace(query.Quarter) ? $"{today.Year}Q{((today.Month - 1) / 3) + 1}" : query.Quarter.Trim().ToUpperInvariant();
                    if (text.Length != 6 || text[4] != 'Q' || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                        || text[5] is < '1' or > '4')
                    {
                        return ReportsErrors.PeriodInvalid;
                    }

                    var first = new DateOnly(year, ((text[5] - '1') * 3) + 1, 1);
                    return Check(Quarter, first, first.AddMonths(3).AddDays(-1), text);
                }

            case Year:
                {
                    var text = string.IsNullOrWhiteSpace(query.Year) ? today.Year.ToString(CultureInfo.InvariantCulture) : query.Year.Trim();
                    if (text.Length != 4 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1)
                    {
                        return ReportsErrors.PeriodInvalid;
                    }

                    return Check(Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), text);
                }

            case Custom:
                {
                    if (query.From is not { } from || query.To is not { } to)
                    {
                        return ReportsErrors.PeriodInvalid;
                    }

                    return Check(Custom, from, to, $"{from:yyyy-MM-dd}–{to:yyyy-MM-dd}");
                }

            default:
                return ReportsErrors.PeriodInvalid;
        }
    }

    private static Result<PickedPeriod> Check(string kind, DateOnly from, DateOnly to, string label) =>
        from < Earliest || to < from || to > from.AddYears(5)
            ? (Result<PickedPeriod>)ReportsErrors.PeriodInvalid
            : new PickedPeriod(kind, new ReportPeriod(from, to), label);
}
