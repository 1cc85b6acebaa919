using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Services.Domain;
using TalentPass.Modules.Services.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Services.Catalogue;

internal sealed record MatterListItem(string Code, string NameZh, string NameEn, string DescriptionZh, string DescriptionEn, bool FirstBatch, bool IsOnline, bool IsDemo, int CurrentVersion, bool OneClick, int DeadlineWorkingDays, IReadOnlyList<string> Levels);

internal sealed record CategoryView(string Code, string NameZh, string NameEn, IReadOnlyList<MatterListItem> Matters);

internal sealed record ThemeView(string Code, string NameZh, string NameEn, IReadOnlyList<CategoryView> Categories);

internal sealed record CatalogueView(IReadOnlyList<ThemeView> Themes, int Matters, int Categories, int FirstBatch);

internal sealed record MatterVersionView(int Number, DateOnly ValidFrom, DateOnly? ValidTo, DateTimeOffset PublishedAt, Guid? PublishedBy, string? Note);

internal sealed record MatterView(
    string Code,
    string CategoryCode,
    string NameZh,
    string NameEn,
    string DescriptionZh,
    string DescriptionEn,
    bool FirstBatch,
    bool IsOnline,
    bool IsDemo,
    int CurrentVersion,
    int MatterVersion,
    MatterDefinition Definition,
    IReadOnlyList<MatterVersionView> Versions);

internal sealed record PublishVersionRequest
{
    /// <summary>The new workflow definition (JSON object: deadline, materials, look-ups, rules, steps, delivery, subsidy).</summary>
    public JsonElement? Definition { get; init; }

    public DateOnly? ValidFrom { get; init; }

    [System.ComponentModel.DataAnnotations.StringLength(500, ErrorMessage = "最多500个字符 / At most 500 characters.")]
    public string? Note { get; init; }

    /// <summary>Open (or close) the matter for applications.</summary>
    public bool? IsOnline { get; init; }
}

/// <summary>
/// The public catalogue (themes → categories → matters) and the talent office's publishing of new matter versions.
/// A new version becomes current for new applications from its validity date; applications already made keep theirs.
/// </summary>
internal sealed class CatalogueHandler(ServicesDbContext db, CatalogueReader reader, ICurrentUser user, TimeProvider clock)
{
    public async Task<CatalogueView> CatalogueAsync(bool onlineOnly, CancellationToken ct)
    {
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Position).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Position).ToListAsync(ct);
        var matters = await db.Matters.AsNoTracking().Where(m => !onlineOnly || m.IsOnline).OrderBy(m => m.Position).ToListAsync(ct);
        var items = new List<(MatterRow Row, MatterListItem Item)>();
        foreach (var m in matters)
        {
            var d = await reader.DefinitionAsync(m.Code, m.CurrentVersion, ct);
            items.Add((m, new MatterListItem(m.Code, m.NameZh, m.NameEn, m.DescriptionZh, m.DescriptionEn, m.FirstBatch, m.IsOnline, m.IsDemo, m.CurrentVersion, d.OneClick, d.DeadlineWorkingDays, d.Levels)));
        }

        var view = themes.Select(t => new ThemeView(t.Code, t.NameZh, t.NameEn,
            categories.Where(c => c.ThemeCode == t.Code)
                .Select(c => new CategoryView(c.Code, c.NameZh, c.NameEn, items.Where(i => i.Row.CategoryCode == c.Code).Select(i => i.Item).ToList()))
                .ToList())).ToList();
        return new CatalogueView(view, matters.Count, categories.Count, matters.Count(m => m.FirstBatch));
    }

    public async Task<Result<MatterView>> MatterAsync(string code, int? version, CancellationToken ct)
    {
        var matter = await db.Matters.AsNoTracking().SingleOrDefaultAsync(m => m.Code == code, ct);
        if (matter is null)
        {
            return ServicesErrors.MatterNotFound;
        }

        var versions = await db.MatterVersions.AsNoTracking().Where(v => v.MatterCode == code).OrderByDescending(v => v.Number).ToListAsync(ct);
        var number = version ?? matter.CurrentVersion;
        if (versions.All(v => v.Number != number))
        {
            return ServicesErrors.MatterNotFound;
        }

        var definition = await reader.DefinitionAsync(code, number, ct);
        return new MatterView(matter.Code, matter.CategoryCode, matter.NameZh, matter.NameEn, matter.DescriptionZh, matter.DescriptionEn, matter.FirstBatch,
            matter.IsOnline, matter.IsDemo, matter.CurrentVersion, number, definition,
            versions.Select(v => new MatterVersionView(v.Number, v.ValidFrom, v.ValidTo, v.PublishedAt, v.PublishedBy, v.Note)).ToList());
    }

    public async Task<Result<MatterView>> PublishAsync(string code, PublishVersionRequest request, CancellationToken ct)
    {
        var matter = await db.Matters.SingleOrDefaultAsync(m => m.Code == code, ct);
        if (matter is null)
        {
            return ServicesErrors.MatterNotFound;
        }

        var now = clock.GetUtcNow();
        var today = BusinessTime.Today(clock);
        if (request.Definition is { } json)
        {
            MatterDefinition definition;
            try
            {
                definition = JsonSerializer.Deserialize<MatterDefinition>(json.GetRawText(), MatterDefinition.Json) ?? throw new JsonException();
            }
            catch (JsonException)
            {
                return ServicesErrors.DefinitionInvalidJson;
            }

            var departments = await reader.DepartmentIdsAsync(ct);
            var errors = definition.Validate(departments.Keys.ToHashSet(StringComparer.Ordinal));
            if (errors.Count > 0)
            {
                return ServicesErrors.DefinitionInvalid(errors);
            }

            var validFrom = request.ValidFrom ?? today;
            var previous = await db.MatterVersions.SingleAsync(v => v.MatterCode == code && v.Number == matter.CurrentVersion, ct);
            previous.ValidTo = validFrom.AddDays(-1) < previous.ValidFrom ? previous.ValidFrom : validFrom.AddDays(-1);
            var number = matter.CurrentVersion + 1;
            db.MatterVersions.Add(new MatterVersionRow
            {
                MatterCode = code,
                Number = number,
                Definition = definition.ToJson(),
                ValidFrom = validFrom,
                PublishedAt = now,
                PublishedBy = user.AccountId,
                Note = request.Note?.Trim(),
            });
            matter.CurrentVersion = number;
        }

        if (request.IsOnline is { } online)
        {
            matter.IsOnline = online;
        }

        matter.UpdatedAt = now;
        matter.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return ServicesErrors.VersionConflict;
        }

        return await MatterAsync(code, null, ct);
    }

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/catalogue", async Task<Ok<CatalogueView>> (CatalogueHandler handler, bool? onlineOnly, CancellationToken ct) =>
                TypedResults.Ok(await handler.CatalogueAsync(onlineOnly == true, ct)))
            .AllowAnonymous()
            .WithName("GetServiceCatalogue")
            .WithSummary("The one-thing services catalogue: themes, categories and matters (public)")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/matters/{code}", async Task<Results<Ok<MatterView>, ProblemHttpResult>> (string code, int? version, CatalogueHandler handler, CancellationToken ct) =>
            {
                var result = await handler.MatterAsync(code, version, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .AllowAnonymous()
            .WithName("GetServiceMatter")
            .WithSummary("A matter with its current (or a given) version's workflow and the list of versions (public)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/matters/{code}/versions", async Task<Results<Ok<MatterView>, ProblemHttpResult>> (string code, PublishVersionRequest request, CatalogueHandler handler, CancellationToken ct) =>
            {
                var invalid = RequestValidation.Validate(request);
                if (invalid is not null)
                {
                    return invalid.ToProblem();
                }

                var result = await handler.PublishAsync(code, request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.TalentOffice))
            .WithName("PublishServiceMatterVersion")
            .WithSummary("Publish a new version of a matter's workflow and/or open or close it for applications (talent office)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
