using System.Globalization;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Calendar;

/// <summary>The stable error codes of the Calendar module.</summary>
internal static class CalendarErrors
{
    public const string YearNotLoadedCode = "calendar.year_not_loaded";

    /// <summary>
    /// A calculation needs a year whose official schedule is not loaded. A conflict with the current state (409),
    /// not a bad request: the same request succeeds once the talent office loads that year.
    /// </summary>
    public static Error YearNotLoaded(int year) =>
        new Error(
            YearNotLoadedCode,
            $"{year}年的法定节假日安排尚未载入，无法计算 / The official holiday schedule for {year} is not loaded; the date cannot be computed.",
            ErrorKind.Conflict)
        {
            Fields = new Dictionary<string, string[]> { ["year"] = [year.ToString(CultureInfo.InvariantCulture)] },
        };

    public static readonly Error WorkingDaysInvalid =
        Error.Validation("calendar.working_days_invalid", "工作日数必须在0到1000之间 / The number of working days must be between 0 and 1000.",
            new Dictionary<string, string[]> { ["workingDays"] = ["0–1000"] });

    public static readonly Error DateInvalid =
        Error.Validation("calendar.date_invalid", "日期格式应为 YYYY-MM-DD / Dates are written YYYY-MM-DD.",
            new Dictionary<string, string[]> { ["accepted"] = ["YYYY-MM-DD"] });

    public static readonly Error YearInvalid =
        Error.Validation("calendar.year_invalid", "年份必须在2000到2100之间 / The year must be between 2000 and 2100.",
            new Dictionary<string, string[]> { ["year"] = ["2000–2100"] });

    public static readonly Error YearNotFound =
        Error.NotFound("calendar.year_not_found", "该年份的节假日安排尚未载入 / The schedule of this year is not loaded.");

    public static readonly Error YearAlreadyLoaded =
        Error.Conflict("calendar.year_already_loaded", "该年份已载入；如需替换，请明确选择“替换”并填写理由 / This year is already loaded; to replace it, ask for a replacement explicitly and give a reason.");

    public static readonly Error ReasonRequired =
        Error.Validation("calendar.reason_required", "替换已载入的年份必须填写理由 / Replacing a loaded year requires a reason.",
            new Dictionary<string, string[]> { ["reason"] = ["必填 / Required."] });

    public static readonly Error SourceRequired =
        Error.Validation("calendar.source_required", "请填写来源（如国务院办公厅通知文号） / Give the source (e.g. the State Council notice number).",
            new Dictionary<string, string[]> { ["source"] = ["必填 / Required."] });

    public static readonly Error VersionConflict =
        Error.Conflict("calendar.version_conflict", "该年份刚被他人修改，请刷新后重试 / The year was just changed by someone else; reload and try again.");

    /// <summary>The schedule text has errors; one message per line number (key <c>line 3</c>) or <c>schedule</c>.</summary>
    public static Error ScheduleInvalid(IReadOnlyDictionary<string, string[]> fields) =>
        Error.Validation("calendar.schedule_invalid", "节假日安排有误，请检查 / The schedule has errors; please check them.", fields);
}
