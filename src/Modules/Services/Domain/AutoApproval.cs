using System.Globalization;
using TalentPass.Modules.DataSharing.Contracts;

namespace TalentPass.Modules.Services.Domain;

/// <summary>
/// 免审即享 rules of one matter version: every condition must hold on the talent's level/category and on the
/// data-sharing answers. <see cref="RuleVersion"/> is stored with each decision.
/// </summary>
internal sealed record AutoApprovalRules(string RuleVersion, IReadOnlyList<RuleCondition> Conditions)
{
    public static readonly IReadOnlySet<string> KnownOperators = new HashSet<string>(StringComparer.Ordinal)
    {
        "level_in", "category_in", "eq", "in", "gte", "lte", "within_years", "agree",
    };
}

/// <summary>
/// One condition. <c>level_in</c>/<c>category_in</c> use <see cref="Values"/>; the others read
/// <see cref="Field"/> of the answer from <see cref="Source"/>: <c>eq</c> (<see cref="Value"/>), <c>in</c>
/// (<see cref="Values"/>), <c>gte</c>/<c>lte</c> (numbers), <c>within_years</c> (a year or date at most
/// <see cref="Value"/> years before today), <c>agree</c> (equal to <see cref="OtherField"/> of
/// <see cref="OtherSource"/> — a disagreement is contradictory data, for a clerk).
/// </summary>
internal sealed record RuleCondition(
    string Op,
    string LabelZh,
    string LabelEn,
    string? Source = null,
    string? Field = null,
    string? Value = null,
    IReadOnlyList<string>? Values = null,
    string? OtherSource = null,
    string? OtherField = null);

/// <summary>One line of an explanation, in both languages.</summary>
internal sealed record ExplanationLine(bool Passed, string Zh, string En);

/// <summary>
/// The outcome of the rules: approved, or handed to a clerk with the reason. Rules never refuse on their own.
/// </summary>
internal sealed record AutoDecision(bool Approved, string RuleVersion, IReadOnlyList<ExplanationLine> Lines, IReadOnlyList<Guid> Evidence, string? ClerkReasonZh, string? ClerkReasonEn)
{
    public string ExplanationZh => string.Join("\n", Lines.Select(l => (l.Passed ? "✓ " : "✗ ") + l.Zh));

    public string ExplanationEn => string.Join("\n", Lines.Select(l => (l.Passed ? "✓ " : "✗ ") + l.En));
}

internal static class AutoApprovalEvaluator
{
    private static readonly Dictionary<string, (string Zh, string En)> SourceNames = new(StringComparer.Ordinal)
    {
        [DataSources.HouseholdRegistration] = ("户籍", "household registration"),
        [DataSources.EducationCredentials] = ("学历学位", "education credentials"),
        [DataSources.SocialInsurance] = ("社会保险", "social insurance"),
        [DataSources.BusinessRegistration] = ("市场主体登记", "business registration"),
        [DataSources.Tax] = ("税务", "tax"),
    };

    public static (string Zh, string En) SourceName(string source) =>
        SourceNames.TryGetValue(source, out var name) ? name : (source, source);

    /// <summary>Evaluates every condition; the first data problem (unavailable, invalid, missing, contradictory) or unmet condition sends it to a clerk.</summary>
    public static AutoDecision Evaluate(
        AutoApprovalRules rules,
        string level,
        string category,
        IReadOnlyDictionary<string, DataSharingAnswer> answers,
        DateOnly today)
    {
        var lines = new List<ExplanationLine>();
        var evidence = answers.Values.Select(a => a.Id).Distinct().ToList();
        string? reasonZh = null;
        string? reasonEn = null;

        void Fail(string zh, string en)
        {
            reasonZh ??= zh;
            reasonEn ??= en;
        }

        // Data first: a source that did not answer with a fact means nobody can decide automatically.
        foreach (var source in rules.Conditions.SelectMany(c => new[] { c.Source, c.OtherSource }).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var (zh, en) = SourceName(source);
            if (!answers.TryGetValue(source, out var answer))
            {
                lines.Add(new ExplanationLine(false, $"{zh}数据未查询", $"No {en} look-up was made"));
                Fail($"{zh}数据未查询，转人工审核", $"No {en} look-up was made; a clerk decides");
                continue;
            }

            switch (answer.Outcome)
            {
                case DataSharingOutcome.Unavailable:
                    lines.Add(new ExplanationLine(false, $"{zh}数据共享服务暂不可用", $"The {en} data-sharing service was unavailable"));
                    Fail($"{zh}数据共享服务暂不可用，转人工审核", $"The {en} data-sharing service was unavailable; a clerk decides");
                    break;
                case DataSharingOutcome.Invalid:
                    lines.Add(new ExplanationLine(false, $"{zh}数据共享返回的数据无法识别", $"The {en} data-sharing answer could not be read"));
                    Fail($"{zh}数据共享返回的数据无法识别，转人工审核", $"The {en} data-sharing answer could not be read; a clerk decides");
                    break;
                case DataSharingOutcome.NotFound:
                    lines.Add(new ExplanationLine(false, $"{zh}数据中未查到本人记录", $"No {en} record was found"));
                    Fail($"{zh}数据中未查到本人记录，转人工审核", $"No {en} record was found; a clerk decides");
                    break;
            }
        }

        foreach (var c in rules.Conditions)
        {
            var line = Check(c, level, category, answers, today, out var problem);
            if (line is not null)
            {
                lines.Add(line);
                if (!line.Passed)
                {
                    Fail(problem?.Zh ?? $"不满足条件：{c.LabelZh}，转人工审核", problem?.En ?? $"Condition not met: {c.LabelEn}; a clerk decides");
                }
            }
        }

        var approved = reasonZh is null;
        return new AutoDecision(approved, rules.RuleVersion, lines, evidence, reasonZh, reasonEn);
    }

    private static ExplanationLine? Check(
        RuleCondition c,
        string level,
        string category,
        IReadOnlyDictionary<string, DataSharingAnswer> answers,
        DateOnly today,
        out (string Zh, string En)? problem)
    {
        problem = null;
        switch (c.Op)
        {
            case "level_in":
                return Line(c.Values?.Contains(level, StringComparer.Ordinal) == true, c, $"人才层次 {level}", $"talent level {level}");
            case "category_in":
                return Line(c.Values?.Contains(category, StringComparer.Ordinal) == true, c, $"人才类别 {category}", $"talent category {category}");
        }

        if (c.Source is null || c.Field is null || !answers.TryGetValue(c.Source, out var answer) || answer.Outcome != DataSharingOutcome.Found)
        {
            return null; // reported once per source above
        }

        var (zh, en) = SourceName(c.Source);
        if (!answer.Fields.TryGetValue(c.Field, out var actual) || string.IsNullOrWhiteSpace(actual))
        {
            problem = ($"{zh}数据缺少“{c.Field}”，转人工审核", $"The {en} answer lacks “{c.Field}”; a clerk decides");
            return new ExplanationLine(false, $"{c.LabelZh}：{zh}数据缺少“{c.Field}”", $"{c.LabelEn}: the {en} answer lacks “{c.Field}”");
        }

        var shown = $"{zh}.{c.Field} = {actual}";
        var shownEn = $"{en}.{c.Field} = {actual}";
        switch (c.Op)
        {
            case "eq":
                return Line(string.Equals(actual, c.Value, StringComparison.OrdinalIgnoreCase), c, shown, shownEn);
            case "in":
                return Line(c.Values?.Contains(actual, StringComparer.OrdinalIgnoreCase) == true, c, shown, shownEn);
            case "gte" or "lte":
                if (!decimal.TryParse(actual, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    || !decimal.TryParse(c.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var limit))
                {
                    problem = ($"{zh}数据“{c.Field}”不是数字，转人工审核", $"The {en} value “{c.Field}” is not a number; a clerk decides");
                    return new ExplanationLine(false, $"{c.LabelZh}：{shown}（不是数字）", $"{c.LabelEn}: {shownEn} (not a number)");
                }

                return Line(c.Op == "gte" ? number >= limit : number <= limit, c, shown, shownEn);
            case "within_years":
                var year = actual.Length >= 4 && int.TryParse(actual.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : (int?)null;
                if (year is null || !int.TryParse(c.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var years))
                {
                    problem = ($"{zh}数据“{c.Field}”不是年份，转人工审核", $"The {en} value “{c.Field}” is not a year; a clerk decides");
                    return new ExplanationLine(false, $"{c.LabelZh}：{shown}（不是年份）", $"{c.LabelEn}: {shownEn} (not a year)");
                }

                return Line(today.Year - year.Value <= years && year.Value <= today.Year, c, shown, shownEn);
            case "agree":
                if (c.OtherSource is null || c.OtherField is null || !answers.TryGetValue(c.OtherSource, out var other) || other.Outcome != DataSharingOutcome.Found)
                {
                    return null;
                }

                var (otherZh, otherEn) = SourceName(c.OtherSource);
                if (!other.Fields.TryGetValue(c.OtherField, out var otherValue) || string.IsNullOrWhiteSpace(otherValue))
                {
                    problem = ($"{otherZh}数据缺少“{c.OtherField}”，转人工审核", $"The {otherEn} answer lacks “{c.OtherField}”; a clerk decides");
                    return new ExplanationLine(false, $"{c.LabelZh}：{otherZh}数据缺少“{c.OtherField}”", $"{c.LabelEn}: the {otherEn} answer lacks “{c.OtherField}”");
                }

                if (!string.Equals(actual.Trim(), otherValue.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    problem = ($"{zh}与{otherZh}数据不一致（{c.Field}），转人工审核", $"The {en} and {otherEn} answers contradict each other ({c.Field}); a clerk decides");
                    return new ExplanationLine(false, $"{c.LabelZh}：{zh}与{otherZh}数据不一致", $"{c.LabelEn}: {en} and {otherEn} disagree");
                }

                return new ExplanationLine(true, $"{c.LabelZh}：{zh}与{otherZh}数据一致", $"{c.LabelEn}: {en} and {otherEn} agree");
            default:
                problem = ($"未知规则“{c.Op}”，转人工审核", $"Unknown rule “{c.Op}”; a clerk decides");
                return new ExplanationLine(false, c.LabelZh, c.LabelEn);
        }
    }

    private static ExplanationLine Line(bool passed, RuleCondition c, string zh, string en) =>
        new(passed, $"{c.LabelZh}：{zh}", $"{c.LabelEn}: {en}");
}
