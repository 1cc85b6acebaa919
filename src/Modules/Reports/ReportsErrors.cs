using TalentPass.SharedKernel;

namespace TalentPass.Modules.Reports;

/// <summary>The stable error codes of the Reports module.</summary>
internal static class ReportsErrors
{
    public static readonly Error PeriodInvalid =
        Error.Validation(
            "reports.period_invalid",
            "统计期间无效：月份写作 2026-11，季度写作 2026Q4，年份写作 2026，自定义期间的截止日不早于起始日且不超过五年 / Invalid period: a month is 2026-11, a quarter 2026Q4, a year 2026; a custom period ends on or after it starts and spans five years at most.",
            new Dictionary<string, string[]> { ["period"] = ["month | quarter | year | custom"] });
}
