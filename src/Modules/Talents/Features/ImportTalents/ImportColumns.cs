using TalentPass.Modules.Talents.Domain;

namespace TalentPass.Modules.Talents.Features.ImportTalents;

/// <summary>The CSV columns of an import file and which profile field each fills (docs/talents-import.md).</summary>
internal static class ImportColumns
{
    public const string IdNumber = "id_number";
    public const string Name = "name";
    public const string Level = "level";
    public const string Category = "category";
    public const string LevelEffectiveFrom = "level_effective_from";

    /// <summary>Optional columns that map one-to-one to a profile field; list fields separate entries with ';'.</summary>
    public static IReadOnlyDictionary<string, string> ProfileColumns { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["phone"] = ProfileFields.Phone,
        ["address"] = ProfileFields.Address,
        ["education_degree"] = ProfileFields.EducationDegree,
        ["education_school"] = ProfileFields.EducationSchool,
        ["education_major"] = ProfileFields.EducationMajor,
        ["graduation_year"] = ProfileFields.EducationGraduationYear,
        ["academic_titles"] = ProfileFields.AcademicTitles,
        ["academic_fields"] = ProfileFields.AcademicFields,
        ["research_projects"] = ProfileFields.ResearchProjects,
        ["research_papers"] = ProfileFields.ResearchPapers,
        ["research_patents"] = ProfileFields.ResearchPatents,
        ["honours"] = ProfileFields.Honours,
        ["employer_name"] = ProfileFields.EmployerName,
    };

    public static IReadOnlyList<string> Required { get; } = [IdNumber, Name, Level, Category];

    public static bool IsKnown(string column) =>
        Required.Contains(column, StringComparer.Ordinal) || column == LevelEffectiveFrom || ProfileColumns.ContainsKey(column);
}
