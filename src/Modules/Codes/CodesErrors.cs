using TalentPass.SharedKernel;

namespace TalentPass.Modules.Codes;

/// <summary>The stable error codes of the Codes module.</summary>
internal static class CodesErrors
{
    public static readonly Error NoTalent =
        Error.NotFound("codes.no_talent", "您的账号尚未关联人才档案 / Your account is not linked to a talent profile.");

    public static readonly Error NotEligible =
        Error.Conflict("codes.not_eligible", "您当前的人才状态或层次不能出示人才码 / Your talent status or level does not give a talent code.");

    public static readonly Error CodeMissing =
        Error.Validation(
            "codes.code_missing",
            "请提供人才码 / The code is required.",
            new Dictionary<string, string[]> { ["code"] = ["必填 / Required."] });

    public static readonly Error BodyMalformed =
        Error.Validation("request.malformed", "请求体不是有效的 JSON / The request body is not valid JSON.");

    public static readonly Error TooLarge =
        new("request.too_large", "请求体过大 / The request body is too large.", ErrorKind.Validation);

    public static readonly Error StatusListNotFound =
        Error.NotFound("codes.status_list_not_found", "没有该状态列表 / No status list with this id.");
}
