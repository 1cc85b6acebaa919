using System.Text.RegularExpressions;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.Modules.Rights.Domain;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Rights.Catalogue;

/// <summary>
/// Checks a <see cref="RightInput"/> against the catalogue rules and turns it into a definition. Every problem is
/// reported per field; the error's code names the first one (<c>rights.code_invalid</c>, <c>rights.levels_invalid</c>, …).
/// </summary>
internal static partial class RightValidator
{
    public const int MaxReversalWindowMinutes = 7 * 24 * 60;

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{1,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex PoolCodePattern();

    public static Result<RightDefinition> Validate(RightInput input, Guid id, long revision, string status, IReadOnlyDictionary<Guid, OrganisationSummary> organisations)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(organisations);
        var problems = new List<(string Code, string Field, string Message)>();
        void Fail(string code, string field, string message) => problems.Add(("rights." + code, field, message));

        var code = input.Code?.Trim() ?? "";
        if (!CodePattern().IsMatch(code))
        {
            Fail("code_invalid", "code", "编码为2–64位小写字母、数字、-或_ / The code is 2–64 lower-case letters, digits, '-' or '_'.");
        }

        var kind = input.Kind?.Trim().ToLowerInvariant() ?? "";
        if (!RightCodes.Kinds.Contains(kind, StringComparer.Ordinal))
        {
            Fail("kind_invalid", "kind", "类型须为政务、金融或消费权益 / The kind is government, financial or consumer.");
        }

        var nameZh = input.NameZh?.Trim() ?? "";
        var nameEn = input.NameEn?.Trim() ?? "";
        if (nameZh.Length is < 1 or > 100)
        {
            Fail("name_invalid", "nameZh", "请填写中文名称（最多100个字符） / Enter the Chinese name (at most 100 characters).");
        }

        if (nameEn.Length is < 1 or > 100)
        {
            Fail("name_invalid", "nameEn", "请填写英文名称（最多100个字符） / Enter the English name (at most 100 characters).");
        }

        var providerId = input.ProviderOrganisationId ?? Guid.Empty;
        if (!organisations.TryGetValue(providerId, out var provider) || !ProviderFits(kind, provider.Kind))
        {
            Fail("provider_invalid", "providerOrganisationId",
                "提供方须为：政务权益—部门或人才办；金融权益—金融合作机构；消费权益—合作商户或运营方 / The provider must be a department or the talent office (government), a partner (financial), a partner or the operator (consumer).");
        }

        var levels = Normalise(input.Levels);
        if (levels.Count == 0 || levels.Any(l => !RightCodes.Levels.Contains(l, StringComparer.Ordinal)))
        {
            Fail("levels_invalid", "levels", "请至少选择一个有效的人才层级 / Choose at least one valid talent level.");
        }

        var categories = Normalise(input.Categories);
        if (categories.Any(c => !RightCodes.Categories.Contains(c, StringComparer.Ordinal)))
        {
            Fail("categories_invalid", "categories", "人才类别无效 / A talent category is not valid.");
        }

        var relations = Normalise(input.FamilyRelations);
        if (relations.Any(r => !RightCodes.Relations.Contains(r, StringComparer.Ordinal)))
        {
            Fail("family_relations_invalid", "familyRelations", "家庭成员关系须为父母、配偶或子女 / Family relations are parent, spouse or child.");
        }

        if (input.ValidFrom is null)
        {
            Fail("validity_invalid", "validFrom", "请填写生效日期 / Enter the start date.");
        }
        else if (input.ValidTo is { } to && to < input.ValidFrom)
        {
            Fail("validity_invalid", "validTo", "截止日期不能早于生效日期 / The end date cannot be before the start date.");
        }

        var policy = input.PolicyVersion?.Trim() ?? "";
        if (policy.Length is < 1 or > 64)
        {
            Fail("policy_version_invalid", "policyVersion", "请填写政策版本（最多64个字符） / Enter the policy version (at most 64 characters).");
        }

        var points = (input.ServicePointOrganisationIds ?? []).Distinct().ToList();
        if (points.Any(p => !organisations.TryGetValue(p, out var o) || o.Kind is not (OrganisationKind.ServicePoint or OrganisationKind.Partner or OrganisationKind.Department)))
        {
            Fail("service_point_invalid", "servicePointOrganisationIds", "服务网点须为服务网点、合作机构或部门 / Service points must be service points, partners or departments.");
        }

        if (input.RequiresOnlineVerification && input.AllowsOfflineRedemption)
        {
            Fail("offline_conflict", "allowsOfflineRedemption", "需在线核验的权益不能离线核销 / A right that needs online verification cannot be redeemed offline.");
        }

        if (input.ValueFen is < 0 or > 100_000_000_000)
        {
            Fail("value_invalid", "valueFen", "金额须在0至10亿元之间（分） / The value must be between 0 and 1,000,000,000 yuan (in fen).");
        }

        if (input.ReversalWindowMinutes is < 0 or > MaxReversalWindowMinutes)
        {
            Fail("reversal_window_invalid", "reversalWindowMinutes", "撤销时限须在0至10080分钟之间 / The reversal window is 0–10080 minutes.");
        }

        var quotas = (input.Quotas ?? []).Select(q => new RightQuota(q.Scope?.Trim().ToLowerInvariant() ?? "", q.Limit, q.Period?.Trim().ToLowerInvariant() ?? "")).ToList();
        if (quotas.Any(q => !RightCodes.QuotaScopeCodes.Contains(q.Scope, StringComparer.Ordinal) || !RightCodes.QuotaPeriodCodes.Contains(q.Period, StringComparer.Ordinal) || q.Limit is < 1 or > 100_000_000)
            || quotas.GroupBy(q => q.Scope, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            Fail("quota_invalid", "quotas", "配额：范围为 overall/per_talent/per_service_point（每种至多一条），周期为 none/day/month/year，数量1至1亿 / Quotas: scope overall, per_talent or per_service_point (one each), period none, day, month or year, limit 1–100,000,000.");
        }

        var pools = (input.Pools ?? []).Select(p => new RightPool(p.Code?.Trim().ToLowerInvariant() ?? "", p.NameZh?.Trim() ?? "", p.NameEn?.Trim() ?? "", p.Capacity)).ToList();
        if (pools.Any(p => !PoolCodePattern().IsMatch(p.Code) || p.NameZh.Length is < 1 or > 50 || p.NameEn.Length is < 1 or > 50 || p.Capacity is < 1 or > 10_000_000)
            || pools.GroupBy(p => p.Code, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            Fail("pool_invalid", "pools", "库存池：编码唯一、名称必填、数量1至1000万 / Pools: unique codes, names required, capacity 1–10,000,000.");
        }

        if (problems.Count > 0)
        {
            var fields = problems.GroupBy(p => p.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);
            return RightsErrors.Invalid(problems[0].Code, fields, "权益定义有误 / The right's definition is not valid.");
        }

        return new RightDefinition(id, code, kind, nameZh, nameEn, input.DescriptionZh?.Trim() ?? "", input.DescriptionEn?.Trim() ?? "", providerId,
            levels, categories, relations, input.ValidFrom!.Value, input.ValidTo, policy, points, input.RequiresOnlineVerification,
            input.AllowsOfflineRedemption, input.StaticCodeAccepted, input.ValueFen, quotas, pools, input.ReversalWindowMinutes, status, revision);
    }

    public static bool ProviderFits(string kind, OrganisationKind provider) => kind switch
    {
        RightKinds.Government => provider is OrganisationKind.Department or OrganisationKind.TalentOffice,
        RightKinds.Financial => provider is OrganisationKind.Partner,
        RightKinds.Consumer => provider is OrganisationKind.Partner or OrganisationKind.Operator,
        _ => false,
    };

    private static List<string> Normalise(IReadOnlyList<string>? values) =>
        (values ?? []).Select(v => v?.Trim().ToLowerInvariant() ?? "").Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}
