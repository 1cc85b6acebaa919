using System.Text.Json;
using System.Text.Json.Serialization;

namespace TalentPass.Modules.Services.Domain;

/// <summary>
/// One version of a matter's workflow, stored as JSON in <c>services_matter_versions.definition</c>. Applications keep
/// the version they were accepted under; publishing a new version never changes them.
/// </summary>
internal sealed record MatterDefinition
{
    /// <summary>Statutory handling time in working days (the day of acceptance is not counted).</summary>
    public int DeadlineWorkingDays { get; init; } = 5;

    /// <summary>Levels that may apply (a, b, c, d, e, youth, social, reserve); empty = every level.</summary>
    public IReadOnlyList<string> Levels { get; init; } = [];

    /// <summary>Categories that may apply; empty = every category.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<MaterialDefinition> Materials { get; init; } = [];

    /// <summary>Data-sharing sources looked up when the application is made (<c>DataSources</c>).</summary>
    public IReadOnlyList<string> Lookups { get; init; } = [];

    /// <summary>免审即享 rules; null = every application goes to the department steps.</summary>
    public AutoApprovalRules? AutoApproval { get; init; }

    /// <summary>Talents may apply with one click (no materials: everything comes from data sharing).</summary>
    public bool OneClick { get; init; }

    /// <summary>At most one approved application per talent (subsidies, recognition).</summary>
    public bool Once { get; init; }

    public IReadOnlyList<StepDefinition> Steps { get; init; } = [];

    /// <summary><c>online</c> or <c>mail</c> (a tracking number is recorded when the result is posted).</summary>
    public string Delivery { get; init; } = DeliveryKinds.Online;

    /// <summary>For subsidy matters: the amount per payment and how many payments.</summary>
    public SubsidyDefinition? Subsidy { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static MatterDefinition FromJson(string json) =>
        JsonSerializer.Deserialize<MatterDefinition>(json, Json) ?? throw new InvalidOperationException("Empty matter definition.");

    /// <summary>Structural checks for a definition the talent office publishes; returns field → messages.</summary>
    public Dictionary<string, string[]> Validate(ISet<string> departmentCodes)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (DeadlineWorkingDays is < 1 or > 180)
        {
            errors["deadlineWorkingDays"] = ["办理时限应为1至180个工作日 / The deadline must be 1 to 180 working days."];
        }

        if (Steps.Count == 0)
        {
            errors["steps"] = ["至少需要一个部门环节 / At least one department step is required."];
        }
        else if (Steps.FirstOrDefault(s => !departmentCodes.Contains(s.Department)) is { } unknown)
        {
            errors["steps"] = [$"未知的部门：{unknown.Department} / Unknown department: {unknown.Department}."];
        }

        if (Delivery is not (DeliveryKinds.Online or DeliveryKinds.Mail))
        {
            errors["delivery"] = ["送达方式应为 online 或 mail / Delivery must be online or mail."];
        }

        if (Lookups.FirstOrDefault(l => !KnownSources.Contains(l)) is { } source)
        {
            errors["lookups"] = [$"未知的数据源：{source} / Unknown data source: {source}."];
        }

        if (OneClick && Materials.Any(m => m.Required))
        {
            errors["materials"] = ["一键申领事项不能要求提交材料 / One-click matters cannot require materials."];
        }

        if (Subsidy is { } s && (s.AmountFen <= 0 || s.Payments is < 1 or > 120))
        {
            errors["subsidy"] = ["补贴金额须为正数，期数1至120 / The amount must be positive and payments 1 to 120."];
        }

        if (AutoApproval is { } rules)
        {
            foreach (var condition in rules.Conditions)
            {
                if (!AutoApprovalRules.KnownOperators.Contains(condition.Op))
                {
                    errors["autoApproval"] = [$"未知的条件运算：{condition.Op} / Unknown condition operator: {condition.Op}."];
                }
                else if (condition.Source is not null && !Lookups.Contains(condition.Source))
                {
                    errors["autoApproval"] = [$"条件使用了未查询的数据源：{condition.Source} / A condition uses a source that is not looked up: {condition.Source}."];
                }
            }

            if (string.IsNullOrWhiteSpace(rules.RuleVersion))
            {
                errors["autoApproval"] = ["规则版本必填 / The rule version is required."];
            }
        }

        return errors;
    }

    private static readonly HashSet<string> KnownSources =
    [
        TalentPass.Modules.DataSharing.Contracts.DataSources.HouseholdRegistration,
        TalentPass.Modules.DataSharing.Contracts.DataSources.EducationCredentials,
        TalentPass.Modules.DataSharing.Contracts.DataSources.SocialInsurance,
        TalentPass.Modules.DataSharing.Contracts.DataSources.BusinessRegistration,
        TalentPass.Modules.DataSharing.Contracts.DataSources.Tax,
    ];
}

internal static class DeliveryKinds
{
    public const string Online = "online";
    public const string Mail = "mail";
}

internal sealed record MaterialDefinition(string Code, string NameZh, string NameEn, bool Required = true);

/// <summary>One department's step. Steps with the same <see cref="Stage"/> run in parallel; stages run in order.</summary>
/// <param name="Department">The organisation code of the department (or <c>talent-office</c>).</param>
internal sealed record StepDefinition(string Department, string NameZh, string NameEn, int Stage = 1, bool SecondApproval = false);

internal sealed record SubsidyDefinition(long AmountFen, int Payments);
