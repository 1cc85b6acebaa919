using System.Text.Json;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.Modules.Rights.Persistence;

namespace TalentPass.Modules.Rights.Domain;

/// <summary>Codes the catalogue accepts (levels and categories mirror the Talents module's codes).</summary>
internal static class RightCodes
{
    public const string Active = "active";
    public const string Withdrawn = "withdrawn";

    public static IReadOnlyList<string> Kinds { get; } = [RightKinds.Government, RightKinds.Financial, RightKinds.Consumer];

    public static IReadOnlyList<string> Levels { get; } = ["a", "b", "c", "d", "e", "youth", "social", "reserve"];

    public static IReadOnlyList<string> Categories { get; } = ["science", "engineering", "medicine", "education", "finance", "culture", "management"];

    public static IReadOnlyList<string> Relations { get; } = [Beneficiaries.Parent, Beneficiaries.Spouse, Beneficiaries.Child];

    public static IReadOnlyList<string> QuotaScopeCodes { get; } = [QuotaScopes.Overall, QuotaScopes.PerTalent, QuotaScopes.PerServicePoint];

    public static IReadOnlyList<string> QuotaPeriodCodes { get; } = [QuotaPeriods.None, QuotaPeriods.Day, QuotaPeriods.Month, QuotaPeriods.Year];

    public static string LevelShort(string level, bool english) => level switch
    {
        "a" or "b" or "c" or "d" or "e" => level.ToUpperInvariant(),
        "youth" => english ? "Youth" : "青年",
        "social" => english ? "Social" : "社会化",
        "reserve" => english ? "Reserve" : "储备",
        _ => level,
    };

    public static string KindLabel(string kind, bool english) => kind switch
    {
        RightKinds.Government => english ? "Government" : "政务权益",
        RightKinds.Financial => english ? "Financial" : "金融权益",
        RightKinds.Consumer => english ? "Consumer" : "消费权益",
        _ => kind,
    };

    public static string RelationLabel(string relation, bool english) => relation switch
    {
        Beneficiaries.Self => english ? "Self" : "本人",
        Beneficiaries.Parent => english ? "Parent" : "父母",
        Beneficiaries.Spouse => english ? "Spouse" : "配偶",
        Beneficiaries.Child => english ? "Child" : "子女",
        _ => relation,
    };
}

/// <summary>Row ↔ contract mapping (list-valued fields are JSON arrays in TEXT columns).</summary>
internal static class RightMapping
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public static RightDefinition ToDefinition(RightRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new RightDefinition(
            row.Id,
            row.Code,
            row.Kind,
            row.NameZh,
            row.NameEn,
            row.DescriptionZh,
            row.DescriptionEn,
            row.ProviderOrganisationId,
            Read<string>(row.Levels),
            Read<string>(row.Categories),
            Read<string>(row.FamilyRelations),
            row.ValidFrom,
            row.ValidTo,
            row.PolicyVersion,
            Read<Guid>(row.ServicePoints),
            row.RequiresOnlineVerification,
            row.AllowsOfflineRedemption,
            row.StaticCodeAccepted,
            row.ValueFen,
            Read<RightQuota>(row.Quotas),
            Read<RightPool>(row.Pools),
            row.ReversalWindowMinutes,
            row.Status,
            row.Revision);
    }

    public static string Write<T>(IEnumerable<T> values) => JsonSerializer.Serialize(values.ToList(), Json);

    public static string Serialise(RightDefinition definition) => JsonSerializer.Serialize(definition, Json);

    public static RightDefinition? Deserialise(string json) => JsonSerializer.Deserialize<RightDefinition>(json, Json);

    private static List<T> Read<T>(string json) => JsonSerializer.Deserialize<List<T>>(json, Json) ?? [];
}
