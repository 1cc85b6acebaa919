using TalentPass.SharedKernel;

namespace TalentPass.Modules.Privacy;

/// <summary>The stable error codes of the Privacy module.</summary>
internal static class PrivacyErrors
{
    public static readonly Error NoProfile =
        Error.NotFound("privacy.no_talent_profile", "您的账号尚未关联人才档案 / Your account is not linked to a talent profile.");
}
