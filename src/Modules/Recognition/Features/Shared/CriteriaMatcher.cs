using System.Globalization;
using TalentPass.Modules.DataSharing.Contracts;
using TalentPass.Modules.Recognition.Domain;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Recognition.Features.Shared;

/// <summary>
/// Matches data-based criteria (e.g. <c>e-young-doctor</c>, <c>youth-graduate</c>) on data-sharing answers: the
/// education-credentials answer gives the degree and graduation year; the age comes from the birth date of the ID
/// number (read for this purpose, audited by the registry, never stored). Only a <c>found</c> answer that satisfies or
/// contradicts the rule decides (<see cref="DataLookup.Matched"/> true/false); anything else — source down, garbage,
/// no record, a field missing — leaves it to the talent office (null) with the reason in words.
/// </summary>
internal sealed class CriteriaMatcher(OptionalServices optional, TimeProvider clock)
{
    private static readonly string[] DegreeKeys = ["degree", "highest_degree", "education_degree", "degreeLevel"];
    private static readonly string[] YearKeys = ["graduation_year", "graduationYear", "graduated_year", "year"];

    public async Task<IReadOnlyList<DataLookup>> MatchAsync(RecognitionApplication application, IEnumerable<Criterion> criteria, CancellationToken ct)
    {
        var lookups = new List<DataLookup>();
        var answers = new Dictionary<string, DataSharingAnswer?>(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        foreach (var criterion in criteria.Where(c => c.DataSource is not null))
        {
            var source = criterion.DataSource!;
            if (!answers.TryGetValue(source, out var answer))
            {
                var sharing = optional.Get<IDataSharing>();
                answer = sharing is null ? null : await sharing.LookUpAsync(application.TalentId, source, $"recognition:application:{application.Id:D}", ct);
                answers[source] = answer;
            }

            var (matched, why) = answer is null
                ? (null, "数据共享服务未接入，由人才办核验材料 / Data sharing is not connected; the talent office checks the documents.")
                : await JudgeAsync(criterion, answer, application.TalentId, ct);
            lookups.Add(new DataLookup
            {
                Id = Guid.CreateVersion7(now),
                ApplicationId = application.Id,
                CriterionCode = criterion.Code,
                Source = source,
                AnswerId = answer?.Id,
                Outcome = answer?.Outcome.ToString().ToLowerInvariant() ?? "unavailable",
                Matched = matched,
                Explanation = why,
                AnswerSha256 = answer?.AnswerSha256,
                FetchedAt = answer?.FetchedAt ?? now,
            });
        }

        return lookups;
    }

    private async Task<(bool? Matched, string Why)> JudgeAsync(Criterion criterion, DataSharingAnswer answer, Guid talentId, CancellationToken ct)
    {
        switch (answer.Outcome)
        {
            case DataSharingOutcome.NotFound:
                return (null, "数据共享未查到学历记录，由人才办核验材料 / No education record found; the talent office checks the documents.");
            case DataSharingOutcome.Unavailable:
            case DataSharingOutcome.Invalid:
                return (null, $"数据共享暂不可用（{answer.Outcome}），由人才办核验材料 / Data sharing answered {answer.Outcome.ToString().ToLowerInvariant()}; the talent office checks the documents.");
        }

        var degree = Field(answer, DegreeKeys);
        if (criterion.Degrees is { Count: > 0 } degrees)
        {
            var normalised = NormaliseDegree(degree);
            if (normalised is null)
            {
                return (null, "数据共享答复缺少学位信息，由人才办核验 / The answer has no degree; the talent office checks.");
            }

            if (!degrees.Contains(normalised, StringComparer.Ordinal))
            {
                return (false, $"学位为“{normalised}”，不符合标准要求（{string.Join("/", degrees)}）/ Degree {normalised} does not meet the criterion ({string.Join("/", degrees)}).");
            }
        }

        var today = BusinessTime.Today(clock);
        if (criterion.GraduatedWithinYears is { } years)
        {
            if (!int.TryParse(Field(answer, YearKeys), NumberStyles.None, CultureInfo.InvariantCulture, out var graduated))
            {
                return (null, "数据共享答复缺少毕业年份，由人才办核验 / The answer has no graduation year; the talent office checks.");
            }

            if (today.Year - graduated >= years)
            {
                return (false, $"毕业于{graduated}年，已满{years}年 / Graduated in {graduated}: {years} years or more ago.");
            }
        }

        if (criterion.MaxAge is { } maxAge)
        {
            var personal = optional.Get<ITalentPersonalData>();
            var identity = personal is null ? null : await personal.GetIdentityAsync(talentId, $"recognition:criterion:{criterion.Code}", ct);
            var id = identity is null ? null : ResidentIdNumber.Parse(identity.IdNumber).Value;
            if (id is null)
            {
                return (null, "无法核验年龄，由人才办核验 / The age cannot be checked; the talent office checks.");
            }

            var age = today.Year - id.BirthDate.Year - (today < id.BirthDate.AddYears(today.Year - id.BirthDate.Year) ? 1 : 0);
            if (age > maxAge)
            {
                return (false, $"年龄{age}周岁，超过{maxAge}周岁 / Aged {age}, over {maxAge}.");
            }
        }

        return (true, $"数据共享核验符合（学位 {NormaliseDegree(degree) ?? "—"}）/ Confirmed by data sharing (degree {NormaliseDegree(degree) ?? "—"}).");
    }

    private static string? Field(DataSharingAnswer answer, string[] keys)
    {
        foreach (var key in keys)
        {
            foreach (var (k, v) in answer.Fields)
            {
                if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(v))
                {
                    return v.Trim();
                }
            }
        }

        return null;
    }

    /// <summary>doctorate | master | bachelor | college, from codes or Chinese names.</summary>
    public static string? NormaliseDegree(string? degree) => degree?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "doctorate" or "doctor" or "phd" or "博士" or "博士研究生" => "doctorate",
        "master" or "masters" or "硕士" or "硕士研究生" => "master",
        "bachelor" or "bachelors" or "学士" or "本科" => "bachelor",
        "college" or "associate" or "专科" or "大专" => "college",
        { } other => other,
    };
}
