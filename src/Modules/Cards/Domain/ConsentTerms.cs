namespace TalentPass.Modules.Cards.Domain;

/// <summary>
/// What a talent agrees to share with the partner issuing the card. One fixed list for every financial partner
/// (a bank needs the same KYC facts); the version changes when the list or the wording changes, and an
/// application must quote the version the talent saw.
/// </summary>
internal static class ConsentTerms
{
    public const string CurrentVersion = "2026-11-v1";

    public const string Name = "name";
    public const string IdNumber = "id_number";
    public const string Phone = "phone";
    public const string Level = "level";
    public const string Category = "category";

    public static IReadOnlyList<string> Fields { get; } = [Name, IdNumber, Phone, Level, Category];

    public static string FieldLabel(string field, bool english) => field switch
    {
        Name => english ? "Full name" : "姓名",
        IdNumber => english ? "Resident ID number" : "身份证号码",
        Phone => english ? "Mobile phone" : "手机号码",
        Level => english ? "Talent level" : "人才层次",
        Category => english ? "Talent category" : "人才类别",
        _ => field,
    };

    public static string Purpose(bool english) => english
        ? "The partner uses these facts only to open and service your talent card (identity check, account opening, card benefits). You may withdraw consent at any time: pending applications are withdrawn and an issued card is cancelled."
        : "合作机构仅将上述信息用于办理和服务您的人才卡（身份核验、开户、卡片权益）。您可随时撤回授权：未办结的申请将撤回，已发的卡将注销。";
}
