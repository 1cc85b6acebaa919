using System.Globalization;
using TalentPass.Modules.Consultations.Domain;
using TalentPass.Modules.Consultations.Features.Questions;
using TalentPass.Ui;

namespace TalentPass.Modules.Consultations.Pages;

/// <summary>Labels shared by the consultation pages.</summary>
internal static class ConsultationsText
{
    public static string Status(string status) => status switch
    {
        ConsultationStatus.Open => Loc.T("待答复", "Awaiting answer"),
        ConsultationStatus.Answered => Loc.T("已答复", "Answered"),
        _ => status,
    };

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>“剩余 n 个工作日” / “已超期” / “已答复（超期）” …</summary>
    public static string Countdown(ConsultationView v)
    {
        if (v.Status == ConsultationStatus.Answered)
        {
            return v.AnsweredLate ? Loc.T("超期答复", "Answered late") : Loc.T("按时答复", "Answered on time");
        }

        if (v.Overdue)
        {
            return Loc.T("已超期", "Overdue");
        }

        if (v.DueOn is null)
        {
            return Loc.T("期限待定（日历未加载）", "Deadline unknown (calendar not loaded)");
        }

        return v.RemainingWorkingDays is { } n
            ? Loc.T($"剩余 {n} 个工作日", $"{n} working day(s) left")
            : Loc.T("期限 ", "Due ") + Day(v.DueOn);
    }

    public static string Badge(ConsultationView v) =>
        v.Overdue || v.AnsweredLate ? "badge badge-err"
        : v.Status == ConsultationStatus.Answered ? "badge badge-ok"
        : v.RemainingWorkingDays is <= 1 ? "badge badge-warn"
        : "badge";
}
