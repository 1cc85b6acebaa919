using static TalentPass.Ui.Loc;

namespace TalentPass.Modules.HostBank.Pages;

internal static class HostBankText
{
    public static string Outcome(string outcome) => outcome switch
    {
        "compliant" => T("达标", "Compliant"),
        "non_compliant" => T("未达标", "Non-compliant"),
        "not_applicable" => T("不适用", "Not applicable"),
        "awaiting_enterprise" => T("待企业报送", "Awaiting enterprise figures"),
        "awaiting_bank" => T("待银行报送", "Awaiting bank figures"),
        _ => outcome,
    };

    public static string Badge(string outcome) => outcome switch
    {
        "compliant" => "badge badge-ok",
        "non_compliant" => "badge badge-err",
        _ => "badge badge-warn",
    };

    /// <summary>Fen as yuan with two decimals and thousands separators.</summary>
    public static string Yuan(long? fen) => fen is { } f ? (f / 100m).ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture) : "—";

    /// <summary>Parses a yuan amount typed in a form (up to two decimals) to fen.</summary>
    public static long? ParseFen(string? yuan) =>
        decimal.TryParse(yuan?.Replace(",", "", StringComparison.Ordinal), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v)
            && decimal.Round(v, 2) == v ? (long)(v * 100) : null;
}
