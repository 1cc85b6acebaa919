using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Recognition.Domain;
using TalentPass.Modules.Recognition.Features.Shared;
using TalentPass.Modules.Recognition.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Recognition.Features.Panels;

internal sealed record FormPanelRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    public IReadOnlyList<Guid>? Experts { get; init; }

    public int? Version { get; init; }
}

internal sealed record DeclareRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    public bool? HasConflict { get; init; }

    [StringLength(500, ErrorMessage = "最多500个字符 / At most 500 characters.")]
    public string? Reason { get; init; }
}

internal sealed record ScoreRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    public int? Score { get; init; }

    [StringLength(1000, ErrorMessage = "最多1000个字符 / At most 1000 characters.")]
    public string? Comment { get; init; }
}

/// <summary>A panel the signed-in expert sits on (their review queue).</summary>
internal sealed record ReviewRow(Guid ApplicationId, string Number, string TalentName, string RequestedLevel, string Status, DateTimeOffset? FormedAt, bool Declared, bool? HasConflict, bool EmployerConflict, int? MyScore);

/// <summary>
/// Expert review: the talent office forms a panel from the expert pool (at least 3 experts who may score; never the
/// applicant, never the person forming it); experts on the applicant's employer are marked conflicted automatically.
/// Each expert declares conflicts of interest, then scores 0–100 once and independently (no other score is visible
/// until the panel closes). The office closes the panel: the scores are aggregated (<see cref="ScoreAggregation"/>) and
/// the catalogue's thresholds give the recommended level (never above the level applied for).
/// </summary>
internal sealed class PanelsHandler(
    RecognitionDbContext db,
    RecognitionAccess access,
    ITalentDirectory talents,
    ApplicationViewBuilder views,
    TimeProvider clock)
{
    public async Task<Result<ApplicationView>> FormAsync(Guid id, FormPanelRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return RecognitionErrors.NotFound;
        }

        if (application.Path != RecognitionPaths.ExpertReview)
        {
            return RecognitionErrors.WrongPath;
        }

        if (application.Status != RecognitionStatus.Submitted)
        {
            return RecognitionErrors.WrongState;
        }

        if (request.Version is { } v && v != application.Version)
        {
            return RecognitionErrors.VersionConflict;
        }

        var ids = request.Experts!.Distinct().ToList();
        var experts = await db.Experts.Where(e => ids.Contains(e.AccountId) && e.IsActive).ToDictionaryAsync(e => e.AccountId, ct);
        if (ids.FirstOrDefault(i => !experts.ContainsKey(i)) is var unknown && unknown != Guid.Empty)
        {
            return RecognitionErrors.ExpertUnknown(unknown);
        }

        var talent = await talents.GetAsync(application.TalentId, ct);
        if (talent?.AccountId is { } applicantAccount && ids.Contains(applicantAccount))
        {
            return RecognitionErrors.ExpertIsApplicant;
        }

        if (ids.Contains(access.AccountId) || (application.SubmittedOnBehalf && application.SubmittedBy is { } filer && ids.Contains(filer)))
        {
            return RecognitionErrors.SamePerson;
        }

        var employer = talent?.EmployerOrganisationId ?? application.EmployerOrganisationId;
        var members = ids.Select(i => new PanelMember
        {
            ApplicationId = id,
            ExpertAccountId = i,
            EmployerConflict = employer is not null && experts[i].AffiliationOrganisationId == employer,
        }).ToList();
        if (members.Count(m => m.MayScore) < ScoreAggregation.MinimumScores)
        {
            return RecognitionErrors.PanelTooSmall;
        }

        db.PanelMembers.AddRange(members);
        application.Status = RecognitionStatus.InReview;
        application.PanelFormedAt = clock.GetUtcNow();
        application.PanelFormedBy = access.User.AccountId;
        application.Version++;
        if (!await db.TrySaveAsync(ct))
        {
            return RecognitionErrors.VersionConflict;
        }

        return await views.BuildAsync(application, ct);
    }

    public async Task<Result<ApplicationView>> DeclareAsync(Guid id, DeclareRequest request, CancellationToken ct)
    {
        var loaded = await LoadMembershipAsync(id, request, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var (application, member) = loaded.Value;
        if (member.DeclaredAt is not null)
        {
            return RecognitionErrors.AlreadyDeclared;
        }

        if (request.HasConflict == true && string.IsNullOrWhiteSpace(request.Reason))
        {
            return RecognitionErrors.ReasonRequired;
        }

        member.DeclaredAt = clock.GetUtcNow();
        member.HasConflict = request.HasConflict;
        member.ConflictReason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        await db.SaveChangesAsync(ct);
        return await views.BuildAsync(application, ct);
    }

    public async Task<Result<ApplicationView>> ScoreAsync(Guid id, ScoreRequest request, CancellationToken ct)
    {
        var loaded = await LoadMembershipAsync(id, request, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var (application, member) = loaded.Value;
        var ownOrganisation = access.User.OrganisationId;
        var employer = (await talents.GetAsync(application.TalentId, ct))?.EmployerOrganisationId ?? application.EmployerOrganisationId;
        if (member.EmployerConflict || member.HasConflict == true || (employer is not null && ownOrganisation == employer))
        {
            return RecognitionErrors.ConflictOfInterest;
        }

        if (member.DeclaredAt is null)
        {
            return RecognitionErrors.DeclarationRequired;
        }

        if (member.Score is not null)
        {
            return RecognitionErrors.AlreadyScored;
        }

        if (request.Score is not (>= 0 and <= 100))
        {
            return RecognitionErrors.ScoreInvalid;
        }

        member.Score = request.Score;
        member.Comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        member.ScoredAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await views.BuildAsync(application, ct);
    }

    public async Task<Result<ApplicationView>> CloseAsync(Guid id, CancellationToken ct)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return RecognitionErrors.NotFound;
        }

        if (application.Status != RecognitionStatus.InReview)
        {
            return RecognitionErrors.WrongState;
        }

        var scores = await db.PanelMembers.Where(m => m.ApplicationId == id && m.Score != null && !m.EmployerConflict && m.HasConflict != true)
            .Select(m => m.Score!.Value).ToListAsync(ct);
        var result = ScoreAggregation.Aggregate(scores);
        if (result is null)
        {
            return RecognitionErrors.NotEnoughScores;
        }

        var byScore = CriteriaCatalogue.Current.LevelForScore(result.Mean);
        application.RecommendedLevel = byScore is null ? null
            : RecognitionLevels.Rank(byScore) < RecognitionLevels.Rank(application.RequestedLevel) ? application.RequestedLevel : byScore;
        application.ScoreX100 = (int)(result.Mean * 100);
        application.ScoresCounted = result.Counted;
        application.PanelClosedAt = clock.GetUtcNow();
        application.Status = RecognitionStatus.Reviewed;
        application.Version++;
        if (!await db.TrySaveAsync(ct))
        {
            return RecognitionErrors.VersionConflict;
        }

        return await views.BuildAsync(application, ct);
    }

    public async Task<IReadOnlyList<ReviewRow>> MyReviewsAsync(bool open, CancellationToken ct)
    {
        var me = access.AccountId;
        var members = await db.PanelMembers.AsNoTracking().Where(m => m.ExpertAccountId == me).ToListAsync(ct);
        var ids = members.Select(m => m.ApplicationId).ToList();
        var applications = await db.Applications.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && (!open || a.Status == RecognitionStatus.InReview))
            .OrderByDescending(a => a.Id).Take(200).ToListAsync(ct);
        var rows = new List<ReviewRow>();
        foreach (var a in applications)
        {
            var m = members.First(x => x.ApplicationId == a.Id);
            var talent = await talents.GetAsync(a.TalentId, ct);
            rows.Add(new ReviewRow(a.Id, a.Number, talent?.MaskedName ?? "—", a.RequestedLevel, a.Status, a.PanelFormedAt, m.DeclaredAt is not null, m.HasConflict, m.EmployerConflict, m.Score));
        }

        return rows;
    }

    /// <summary>Validates the expert's request and loads their membership of an open panel.</summary>
    private async Task<Result<(RecognitionApplication Application, PanelMember Member)>> LoadMembershipAsync<TRequest>(Guid id, TRequest request, CancellationToken ct)
        where TRequest : class
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        var me = access.AccountId;
        var member = await db.PanelMembers.FirstOrDefaultAsync(m => m.ApplicationId == id && m.ExpertAccountId == me, ct);
        var application = member is null ? null : await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (member is null || application is null)
        {
            return RecognitionErrors.NotOnPanel;
        }

        if (application.Status != RecognitionStatus.InReview)
        {
            return RecognitionErrors.WrongState;
        }

        return (application, member);
    }

    public static void Map(RouteGroupBuilder office, RouteGroupBuilder signedIn)
    {
        office.MapCommand<FormPanelRequest, PanelsHandler, ApplicationView>("/applications/{id:guid}/panel", "FormRecognitionPanel",
            "Form the expert panel of an expert-review application (talent office)", (h, id, r, ct) => h.FormAsync(id, r, ct));
        office.MapPost("/applications/{id:guid}/panel/close", async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> (Guid id, PanelsHandler handler, CancellationToken ct) =>
                RecognitionHttp.Reply(await handler.CloseAsync(id, ct)))
            .WithName("CloseRecognitionPanel")
            .WithSummary("Close the panel: aggregate the scores and recommend a level (talent office)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        signedIn.MapGet("/reviews", async (bool? open, PanelsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.MyReviewsAsync(open ?? false, ct)))
            .WithName("ListMyRecognitionReviews")
            .WithSummary("The panels the signed-in expert sits on")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        signedIn.MapCommand<DeclareRequest, PanelsHandler, ApplicationView>("/reviews/{id:guid}/declaration", "DeclareRecognitionConflict",
            "Declare conflicts of interest for a panel (the expert; once)", (h, id, r, ct) => h.DeclareAsync(id, r, ct));
        signedIn.MapCommand<ScoreRequest, PanelsHandler, ApplicationView>("/reviews/{id:guid}/score", "ScoreRecognition",
            "Give an independent score 0–100 (the expert; once; refused with a conflict of interest)", (h, id, r, ct) => h.ScoreAsync(id, r, ct));
    }
}
