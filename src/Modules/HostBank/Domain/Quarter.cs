using System.Globalization;
using System.Text.RegularExpressions;

namespace TalentPass.Modules.HostBank.Domain;

/// <summary>A calendar quarter written <c>2026Q3</c> (Asia/Shanghai business dates).</summary>
internal readonly partial record struct Quarter(int Year, int Number)
{
    public DateOnly Start => new(Year, ((Number - 1) * 3) + 1, 1);

    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    public Quarter Previous => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);

    public static Quarter Of(DateOnly date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        var match = text is null ? null : Pattern().Match(text.Trim());
        if (match is not { Success: true })
        {
            return false;
        }

        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year < 2000 || year > 2100)
        {
            return false;
        }

        quarter = new Quarter(year, match.Groups[2].Value[0] - '0');
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Number}");

    [GeneratedRegex("^([0-9]{4})[Qq]([1-4])$")]
    private static partial Regex Pattern();
}
