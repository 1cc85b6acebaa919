using System.Globalization;
using TalentPass.Modules.Talents.Domain;

namespace TalentPass.Modules.Talents.Features.ProfileInput;

/// <summary>
/// The optional profile fields as a request carries them (registration by the talent office, self-service edits),
/// and their conversion to canonical strings keyed by field key (see <see cref="ProfileFields.Normalise"/>).
/// </summary>
internal abstract record ProfileFieldsInput
{
    public string? Phone { get; init; }

    public string? Address { get; init; }

    public string? EducationDegree { get; init; }

    public string? EducationSchool { get; init; }

    public string? EducationMajor { get; init; }

    public int? EducationGraduationYear { get; init; }

    public IReadOnlyList<string>? AcademicTitles { get; init; }

    public IReadOnlyList<string>? AcademicFields { get; init; }

    public IReadOnlyList<string>? ResearchProjects { get; init; }

    public IReadOnlyList<string>? ResearchPapers { get; init; }

    public IReadOnlyList<string>? ResearchPatents { get; init; }

    public IReadOnlyList<string>? Honours { get; init; }

    public string? EmployerName { get; init; }

    /// <summary>Every optional field by key; null where the request has no value.</summary>
    public Dictionary<string, string?> ProfileValues() => new(StringComparer.Ordinal)
    {
        [ProfileFields.Phone] = Phone,
        [ProfileFields.Address] = Address,
        [ProfileFields.EducationDegree] = EducationDegree,
        [ProfileFields.EducationSchool] = EducationSchool,
        [ProfileFields.EducationMajor] = EducationMajor,
        [ProfileFields.EducationGraduationYear] = EducationGraduationYear?.ToString(CultureInfo.InvariantCulture),
        [ProfileFields.AcademicTitles] = ProfileFields.JoinList(AcademicTitles),
        [ProfileFields.AcademicFields] = ProfileFields.JoinList(AcademicFields),
        [ProfileFields.ResearchProjects] = ProfileFields.JoinList(ResearchProjects),
        [ProfileFields.ResearchPapers] = ProfileFields.JoinList(ResearchPapers),
        [ProfileFields.ResearchPatents] = ProfileFields.JoinList(ResearchPatents),
        [ProfileFields.Honours] = ProfileFields.JoinList(Honours),
        [ProfileFields.EmployerName] = EmployerName,
    };
}
