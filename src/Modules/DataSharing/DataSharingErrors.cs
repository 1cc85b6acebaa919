using TalentPass.SharedKernel;

namespace TalentPass.Modules.DataSharing;

/// <summary>The stable error codes of the DataSharing module.</summary>
internal static class DataSharingErrors
{
    public static readonly Error AnswerNotFound =
        Error.NotFound("datasharing.answer_not_found", "没有该数据共享应答 / No data-sharing answer with this id.");

    public static readonly Error UnknownSource =
        Error.Validation(
            "datasharing.unknown_source",
            "未知的数据来源 / Unknown data source.",
            new Dictionary<string, string[]> { ["source"] = ["household_registration | education_credentials | social_insurance | business_registration | tax"] });

    public static readonly Error UnknownOutcome =
        Error.Validation(
            "datasharing.unknown_outcome",
            "未知的查询结果 / Unknown outcome.",
            new Dictionary<string, string[]> { ["outcome"] = ["found | not_found | unavailable | invalid"] });

    public static readonly Error TalentNotFound =
        Error.NotFound("datasharing.talent_not_found", "没有该人才 / No talent with this id.");
}
