using TalentPass.SharedKernel;

namespace TalentPass.Modules.Subsidies;

/// <summary>The stable error codes of the Subsidies module.</summary>
internal static class SubsidiesErrors
{
    public static readonly Error NoTalent =
        Error.NotFound("subsidies.no_talent", "您的账号尚未关联人才档案 / Your account is not linked to a talent profile.");

    public static readonly Error ScheduleNotFound =
        Error.NotFound("subsidies.schedule_not_found", "没有该补贴发放计划 / No subsidy schedule with this id.");

    public static readonly Error BatchNotFound =
        Error.NotFound("subsidies.batch_not_found", "没有该发放批次 / No payment batch with this id.");

    public static readonly Error MonthInvalid =
        Error.Validation(
            "subsidies.month_invalid",
            "月份格式应为 YYYY-MM / The month must be written YYYY-MM.",
            new Dictionary<string, string[]> { ["month"] = ["格式 YYYY-MM（2000–2999年） / Format YYYY-MM (years 2000–2999)."] });

    public static readonly Error StatusInvalid =
        Error.Validation(
            "subsidies.status_invalid",
            "未知的计划状态 / Unknown schedule status.",
            new Dictionary<string, string[]> { ["status"] = ["active | paused | stopped | completed"] });

    public static readonly Error ReasonRequired =
        Error.Validation(
            "subsidies.reason_required",
            "请填写理由 / A reason is required.",
            new Dictionary<string, string[]> { ["reason"] = ["必填，最多200字 / Required, at most 200 characters."] });

    public static readonly Error BankReferenceRequired =
        Error.Validation(
            "subsidies.bank_reference_required",
            "请填写银行回单号 / The bank's reference is required.",
            new Dictionary<string, string[]> { ["bankReference"] = ["必填，最多100字 / Required, at most 100 characters."] });

    public static readonly Error NotStoppable =
        Error.Conflict("subsidies.not_stoppable", "该计划已停止或已发放完毕 / The schedule is already stopped or completed.");

    public static readonly Error NotResumable =
        Error.Conflict("subsidies.not_resumable", "只有暂停或停止的计划可以恢复 / Only a paused or stopped schedule can be resumed.");

    public static readonly Error TalentNotActive =
        Error.Conflict("subsidies.talent_not_active", "人才当前不是正常状态，不能恢复发放 / The talent is not active; payments cannot resume.");

    public static readonly Error ConcurrentChange =
        Error.Conflict("subsidies.concurrent_change", "数据已被他人修改，请重试 / Someone else changed it; try again.");
}
