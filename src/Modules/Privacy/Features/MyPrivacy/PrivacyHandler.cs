using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Http;
using TalentPass.Infrastructure.PersonalData;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Cards.Contracts;
using TalentPass.Modules.Codes.Contracts;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Privacy.Features.MyPrivacy;

/// <summary>
/// One access to the talent's data. Staff are shown as organisation + role, never by personal account name
/// (<see cref="ByMe"/> marks the talent's own actions).
/// </summary>
internal sealed record AccessView(DateTimeOffset At, string Action, string? Organisation, IReadOnlyList<string> Roles, bool ByMe, string? Detail, bool Succeeded);

internal sealed record ScanView(DateTimeOffset At, string? Organisation, string Outcome, string? Mode);

/// <param name="Available">False while no scan log is registered (the Codes module's <c>IScanFeed</c>).</param>
internal sealed record ScansView(bool Available, IReadOnlyList<ScanView> Scans);

internal sealed record ConsentView(Guid CardId, string Partner, string Last4, string Status, DateTimeOffset IssuedAt);

/// <summary>
/// Personal-data rights of the signed-in talent (<c>/me/privacy</c>): who accessed their record (the audit log with
/// the talent as subject), who scanned their code (<see cref="IScanFeed"/>), their whole data as JSON from every
/// <see cref="IPersonalDataSource"/> (audited), and their partner cards (consent withdrawal lives in Cards).
/// </summary>
internal sealed class PrivacyHandler(
    ICurrentUser user,
    ITalentDirectory talents,
    IAuditLog auditLog,
    IAuditTrail audit,
    IOrganisationDirectory organisations,
    ICardDirectory cards,
    IServiceProvider services,
    TimeProvider clock)
{
    public const string DataExported = "privacy.data_exported";

    private readonly Dictionary<Guid, string?> organisationNames = [];

    public async Task<Result<Page<AccessView>>> AccessLogAsync(PageRequest page, CancellationToken ct)
    {
        if (await TalentAsync(ct) is not { } talent)
        {
            return PrivacyErrors.NoProfile;
        }

        var events = await auditLog.SearchAsync(new AuditQuery(SubjectType: "talent", SubjectId: talent.Id.ToString()), page, ct);
        var items = new List<AccessView>();
        foreach (var e in events.Items)
        {
            var byMe = e.ActorAccountId is { } actor && actor == talent.AccountId;
            items.Add(new AccessView(e.OccurredAt, e.Action, e.OrganisationId is { } org ? await OrganisationAsync(org, ct) : null,
                e.ActorRoles, byMe, e.Detail, e.Succeeded));
        }

        return new Page<AccessView>(items, events.PageNumber, events.PageSize, events.Total, events.TotalIsLowerBound);
    }

    public async Task<Result<ScansView>> ScansAsync(int max, CancellationToken ct)
    {
        if (await TalentAsync(ct) is not { } talent)
        {
            return PrivacyErrors.NoProfile;
        }

        if (services.GetService<IScanFeed>() is not { } feed)
        {
            return new ScansView(false, []);
        }

        var scans = new List<ScanView>();
        foreach (var s in await feed.ListForTalentAsync(talent.Id, Math.Clamp(max, 1, 500), ct))
        {
            scans.Add(new ScanView(s.ScannedAt, s.OrganisationId is { } org ? await OrganisationAsync(org, ct) : null, s.Outcome, s.Mode));
        }

        return new ScansView(true, scans);
    }

    public async Task<Result<IReadOnlyList<ConsentView>>> ConsentsAsync(CancellationToken ct)
    {
        if (await TalentAsync(ct) is not { } talent)
        {
            return PrivacyErrors.NoProfile;
        }

        var list = new List<ConsentView>();
        foreach (var c in await cards.ListForTalentAsync(talent.Id, ct))
        {
            list.Add(new ConsentView(c.Id, await OrganisationAsync(c.PartnerOrganisationId, ct) ?? string.Empty, c.Last4, c.Status, c.IssuedAt));
        }

        return list;
    }

    /// <summary>The talent's data from every module, as one JSON document; the download is audited.</summary>
    public async Task<Result<JsonObject>> ExportAsync(CancellationToken ct)
    {
        if (await TalentAsync(ct) is not { } talent)
        {
            return PrivacyErrors.NoProfile;
        }

        var sections = new JsonObject();
        foreach (var source in services.GetServices<IPersonalDataSource>().OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var section = await source.ExportAsync(talent.Id, ct);
            sections[section.Key] = new JsonObject
            {
                ["titleZh"] = section.TitleZh,
                ["titleEn"] = section.TitleEn,
                ["data"] = section.Data.DeepClone(),
            };
        }

        await audit.RecordAsync(new AuditRecord(DataExported, "talent", talent.Id.ToString(), "sections=" + string.Join(',', sections.Select(s => s.Key))), ct);
        return new JsonObject
        {
            ["talentId"] = talent.Id,
            ["exportedAt"] = clock.GetUtcNow(),
            ["format"] = "talentpass.personal-data/1",
            ["sections"] = sections,
        };
    }

    private async Task<TalentSummary?> TalentAsync(CancellationToken ct) =>
        user.AccountId is { } account ? await talents.FindByAccountAsync(account, ct) : null;

    private async Task<string?> OrganisationAsync(Guid id, CancellationToken ct)
    {
        if (!organisationNames.TryGetValue(id, out var name))
        {
            name = (await organisations.GetAsync(id, ct))?.Name;
            organisationNames[id] = name;
        }

        return name;
    }
}
