using System.Globalization;
using Microsoft.AspNetCore.Http;
using TalentPass.Modules.Rights.Catalogue;
using TalentPass.Modules.Rights.Contracts;

namespace TalentPass.Modules.Rights.Pages;

/// <summary>
/// The catalogue edit form ↔ <see cref="RightInput"/>. Quotas and pools are edited as lines
/// <c>scope|limit|period</c> and <c>code|中文名|English name|capacity</c>; unreadable lines become invalid entries so the
/// validator reports them.
/// </summary>
internal static class RightForm
{
    public static RightInput Parse(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new RightInput
        {
            Code = form["code"],
            Kind = form["kind"],
            NameZh = form["nameZh"],
            NameEn = form["nameEn"],
            DescriptionZh = form["descriptionZh"],
            DescriptionEn = form["descriptionEn"],
            ProviderOrganisationId = Guid.TryParse(form["provider"], out var provider) ? provider : null,
            Levels = form["levels"].Select(v => v ?? "").ToList(),
            Categories = form["categories"].Select(v => v ?? "").ToList(),
            FamilyRelations = form["family"].Select(v => v ?? "").ToList(),
            ValidFrom = DateOnly.TryParse(form["validFrom"], CultureInfo.InvariantCulture, out var from) ? from : null,
            ValidTo = DateOnly.TryParse(form["validTo"], CultureInfo.InvariantCulture, out var to) ? to : null,
            PolicyVersion = form["policyVersion"],
            ServicePointOrganisationIds = form["servicePoints"].Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).ToList(),
            RequiresOnlineVerification = form["online"] == "true",
            AllowsOfflineRedemption = form["offline"] == "true",
            StaticCodeAccepted = form["staticCode"] == "true",
            ValueFen = decimal.TryParse(form["valueYuan"], NumberStyles.Number, CultureInfo.InvariantCulture, out var yuan) ? (long)Math.Round(yuan * 100) : -1,
            Quotas = Lines(form["quotas"]).Select(ParseQuota).ToList(),
            Pools = Lines(form["pools"]).Select(ParsePool).ToList(),
            ReversalWindowMinutes = int.TryParse(form["reversalMinutes"], out var minutes) ? minutes : -1,
            ExpectedRevision = long.TryParse(form["expectedRevision"], out var revision) ? revision : null,
            Note = form["note"],
        };
    }

    public static string Quotas(IEnumerable<RightQuota> quotas) =>
        string.Join("\n", quotas.Select(q => $"{q.Scope}|{q.Limit}|{q.Period}"));

    public static string Pools(IEnumerable<RightPool> pools) =>
        string.Join("\n", pools.Select(p => $"{p.Code}|{p.NameZh}|{p.NameEn}|{p.Capacity}"));

    public static string Yuan(long fen) => (fen / 100m).ToString("0.##", CultureInfo.InvariantCulture);

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static RightQuota ParseQuota(string line)
    {
        var parts = line.Split('|', StringSplitOptions.TrimEntries);
        return parts.Length == 3 && int.TryParse(parts[1], out var limit) ? new RightQuota(parts[0], limit, parts[2]) : new RightQuota(line, 0, "");
    }

    private static RightPool ParsePool(string line)
    {
        var parts = line.Split('|', StringSplitOptions.TrimEntries);
        return parts.Length == 4 && int.TryParse(parts[3], out var capacity) ? new RightPool(parts[0], parts[1], parts[2], capacity) : new RightPool(line, "", "", 0);
    }
}
