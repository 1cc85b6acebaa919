using System.Text.Json;
using System.Text.Json.Serialization;

namespace TalentPass.Modules.Recognition.Domain;

/// <summary>
/// One recognition criterion of the catalogue. A criterion with a <see cref="DataSource"/> is matched on data-sharing
/// answers (<see cref="Degrees"/>, <see cref="MaxAge"/>, <see cref="GraduatedWithinYears"/>); the others on the
/// evidence documents the talent attaches, checked by the talent office.
/// </summary>
internal sealed record Criterion(
    string Code,
    string Level,
    string TitleZh,
    string TitleEn,
    string? DataSource = null,
    IReadOnlyList<string>? Degrees = null,
    int? MaxAge = null,
    int? GraduatedWithinYears = null)
{
    public string Title(bool english) => english ? TitleEn : TitleZh;
}

/// <summary>Expert-review score threshold: a mean score of at least <see cref="MinScore"/> recommends <see cref="Level"/>.</summary>
internal sealed record ExpertThreshold(decimal MinScore, string Level);

/// <summary>
/// The versioned criteria catalogue (data: <c>Domain/Catalogue/criteria-*.json</c>, embedded). Every application keeps
/// the version it was judged under; a new policy is a new file and a new version, never an edit of the old one.
/// </summary>
internal sealed class CriteriaCatalogue
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private CriteriaCatalogue(string version, bool demo, IReadOnlyList<Criterion> criteria, IReadOnlyList<ExpertThreshold> thresholds)
    {
        Version = version;
        IsDemo = demo;
        Criteria = criteria;
        Thresholds = thresholds.OrderByDescending(t => t.MinScore).ToList();
    }

    public string Version { get; }

    public bool IsDemo { get; }

    public IReadOnlyList<Criterion> Criteria { get; }

    public IReadOnlyList<ExpertThreshold> Thresholds { get; }

    /// <summary>The catalogue in force (the newest embedded file).</summary>
    public static CriteriaCatalogue Current { get; } = Load();

    public Criterion? Find(string code) => Criteria.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal));

    /// <summary>The level a mean score recommends, or null below the lowest threshold.</summary>
    public string? LevelForScore(decimal mean) => Thresholds.FirstOrDefault(t => mean >= t.MinScore)?.Level;

    private static CriteriaCatalogue Load()
    {
        var assembly = typeof(CriteriaCatalogue).Assembly;
        var name = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("catalogue/criteria-", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Last();
        using var stream = assembly.GetManifestResourceStream(name)!;
        var file = JsonSerializer.Deserialize<CatalogueFile>(stream, Json)
            ?? throw new InvalidOperationException($"The criteria catalogue {name} is empty.");
        foreach (var c in file.Criteria)
        {
            if (!RecognitionLevels.IsGrantable(c.Level))
            {
                throw new InvalidOperationException($"Criterion {c.Code} has an unknown level {c.Level}.");
            }
        }

        return new CriteriaCatalogue(file.Version, file.Demo, file.Criteria, file.ExpertThresholds);
    }

    private sealed record CatalogueFile(
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("demo")] bool Demo,
        [property: JsonPropertyName("criteria")] IReadOnlyList<Criterion> Criteria,
        [property: JsonPropertyName("expertThresholds")] IReadOnlyList<ExpertThreshold> ExpertThresholds);
}
