using System.Globalization;
using TalentPass.Ui;

namespace TalentPass.Modules.Reports.Pages;

/// <summary>How report values are written by unit: counts with separators, fen as yuan, percentages.</summary>
internal static class ReportFormat
{
    public static string Value(long value, string unit) => unit switch
    {
        "fen" => "¥" + (value / 100m).ToString("N2", CultureInfo.InvariantCulture),
        "percent" => value.ToString(CultureInfo.InvariantCulture) + "%",
        "basis_points" => (value / 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%",
        _ => value.ToString("N0", CultureInfo.InvariantCulture),
    };

    public static string Label(string zh, string en) => Loc.IsEnglish ? en : zh;

    public static string Invariant(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
