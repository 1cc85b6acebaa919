using System.Text.Json.Nodes;

namespace TalentPass.Infrastructure.PersonalData;

/// <summary>What one module holds about a talent, as a titled JSON section of the talent's data download.</summary>
public sealed record PersonalDataSection(string Key, string TitleZh, string TitleEn, JsonNode Data);

/// <summary>
/// A module's part of a talent's personal-data download (issue 8, "personal data rights"). Each module that keeps
/// data about a talent registers one implementation (<c>services.AddScoped&lt;IPersonalDataSource, X&gt;()</c>) over its
/// OWN tables. The data is the talent's own, so values are unmasked; the Privacy module authorises (the talent
/// themself only) and audits every download. Never include another person's data or secrets (card tokens, keys).
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>Stable key, e.g. <c>talents</c>, <c>cards</c>, <c>redemptions</c>.</summary>
    string Key { get; }

    Task<PersonalDataSection> ExportAsync(Guid talentId, CancellationToken cancellationToken);
}
