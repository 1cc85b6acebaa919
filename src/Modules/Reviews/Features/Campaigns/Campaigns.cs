using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Calendar.Contracts;
using TalentPass.Modules.Reviews.Domain;
using TalentPass.Modules.Reviews.Features.Jobs;
using TalentPass.Modules.Reviews.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Reviews.Features.Campaigns;

/// <summary>
/// Launching a review campaign. Either <see cref="Levels"/> (with optional <see cref="Categories"/>): every
/// non-terminated talent of those levels whose last review is older than the level's cycle — created by the job in
/// batches, with progress; or <see cref="TalentIds"/> (at most 500): exactly those talents, created at once.
/// The due date is <see cref="DueOn"/> when given (it may lie in the past: reviews carried over from a paper process,
/// or a test that needs an overdue review), otherwise <see cref="ResponseWorkingDays"/> working days after today.
/// </summary>
internal sealed record CreateCampaignRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(100, MinimumLength = 2, ErrorMessage = "2至100个字符 / 2 to 100 characters.")]
    public string? Name { get; init; }

    public IReadOnlyList<string>? Levels { get; init; }

    public IReadOnlyList<string>? Categories { get; init; }

    public IReadOnlyList<Guid>? TalentIds { get; init; }

    public int? ResponseWorkingDays { get; init; }

    public DateOnly? DueOn { get; init; }

    /// <summary>Re-verify by social insurance before asking the talent (default true).</summary>
    public bool? AutomaticReverification { get; init; }
}

/// <summary>Review counts of a campaign; <see cref="Overdue"/> are pending reviews past their due date.</summary>
internal sealed record CampaignCounts(int Pending, int Overdue, int Reverified, int Confirmed, int Updated, int Failed)
{
    public int Completed => Reverified + Confirmed + Updated;
}

internal sealed record CampaignView(
    Guid Id,
    string Name,
    IReadOnlyList<string> Levels,
    IReadOnlyList<string> Categories,
    bool Targeted,
    bool AutomaticReverification,
    DateOnly LaunchedOn,
    DateOnly DueOn,
    string Status,
    int InScope,
    int Created,
    int Skipped,
    int ProgressPercent,
    DateTimeOffset LaunchedAt,
    CampaignCounts? Counts);

internal sealed record ReviewView(
    Guid Id,
    Guid CampaignId,
    Guid TalentId,
    string MaskedName,
    string Level,
    string Category,
    string Status,
    DateOnly DueOn,
    string Reverification,
    Guid? ReverificationAnswerId,
    DateTimeOffset? CompletedAt,
    string? TalentNote,
    string? ClerkNote);

internal sealed record ResolveReviewRequest
{
    /// <summary><c>confirm</c> (the clerk verified the talent otherwise) or <c>return_to_talent</c> (the talent must confirm).</summary>
    [Required(ErrorMessage = "必填 / Required.")]
    public string? Resolution { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(500, MinimumLength = 2, ErrorMessage = "2至500个字符 / 2 to 500 characters.")]
    public string? Note { get; init; }
}

/// <summary>Talent-office work on campaigns: launch, progress, reviews, the overdue list and clerk resolutions.</summary>
internal sealed class CampaignsHandler(
    ReviewsDbContext db,
    CampaignLauncher launcher,
    ITalentDirectory talents,
    ITalentRoster roster,
    IWorkingDayCalendar calendar,
    IAuditTrail audit,
    ICurrentUser user,
    ReviewsJobSignal signal,
    IOptions<ReviewsOptions> options,
    TimeProvider clock)
{
    public const int MaxTalents = 500;

    public static readonly IReadOnlyList<string> KnownLevels = ["a", "b", "c", "d", "e", "youth", "social", "reserve"];

    public static readonly IReadOnlyList<string> KnownCategories = ["science", "engineering", "medicine", "education", "finance", "culture", "management"];

    public async Task<Result<CampaignView>> CreateAsync(CreateCampaignRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        var levels = (request.Levels ?? []).Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var categories = (request.Categories ?? []).Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var ids = (request.TalentIds ?? []).Distinct().ToList();
        if (levels.Count == 0 && ids.Count == 0)
        {
            return ReviewsErrors.ScopeRequired;
        }

        if (levels.Count > 0 && ids.Count > 0)
        {
            return ReviewsErrors.ScopeAmbiguous;
        }

        if (levels.Any(l => !KnownLevels.Contains(l, StringComparer.Ordinal)))
        {
            return ReviewsErrors.LevelUnknown;
        }

        if (categories.Any(c => !KnownCategories.Contains(c, StringComparer.Ordinal)))
        {
            return ReviewsErrors.CategoryUnknown;
        }

        if (ids.Count > MaxTalents)
        {
            return ReviewsErrors.TooManyTalents;
        }

        if (request.ResponseWorkingDays is < 0 or > 120)
        {
            return ReviewsErrors.ResponsePeriodInvalid;
        }

        var named = new List<TalentSummary>();
        foreach (var id in ids)
        {
            var talent = await talents.GetAsync(id, ct);
            if (talent is null)
            {
                return ReviewsErrors.TalentNotFound;
            }

            named.Add(talent);
        }

        var now = clock.GetUtcNow();
        var today = BusinessTime.Today(clock);
        DateOnly dueOn;
        if (request.DueOn is { } explicitDue)
        {
            dueOn = explicitDue;
        }
        else
        {
            var due = await calendar.AddWorkingDaysAsync(today, request.ResponseWorkingDays ?? options.Value.DefaultResponseWorkingDays, ct);
            if (!due.IsSuccess)
            {
                return due.Error;
            }

            dueOn = due.Value;
        }

        var campaign = new CampaignRow
        {
            Id = Guid.CreateVersion7(now),
            Name = request.Name!.Trim(),
            Levels = string.Join(',', levels),
            Categories = string.Join(',', categories),
            Targeted = ids.Count > 0,
            AutomaticReverification = request.AutomaticReverification ?? true,
            ResponseWorkingDays = request.DueOn is null ? request.ResponseWorkingDays ?? options.Value.DefaultResponseWorkingDays : null,
            LaunchedOn = today,
            DueOn = dueOn,
            Status = ids.Count > 0 ? CampaignStatus.Open : CampaignStatus.Launching,
            InScope = ids.Count > 0 ? named.Count : await roster.CountAsync(levels, categories, ct),
            LaunchedBy = user.AccountId,
            LaunchedAt = now,
            PopulatedAt = ids.Count > 0 ? now : null,
            UpdatedAt = now,
            Version = 0,
        };
        db.Campaigns.Add(campaign);
        if (named.Count > 0)
        {
            await launcher.AddBatchAsync(campaign, named, ct);
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }

        await audit.RecordAsync(new AuditRecord("reviews.campaign_launched", "review_campaign", campaign.Id.ToString(),
            $"levels={campaign.Levels}; categories={campaign.Categories}; targeted={ids.Count}; due_on={dueOn:yyyy-MM-dd}"), ct);
        signal.Wake();
        return await ViewAsync(campaign, ct);
    }

    public async Task<Page<CampaignView>> ListAsync(string? search, PageRequest page, CancellationToken ct)
    {
        var query = db.Campaigns.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(c => c.Name.Contains(term));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.LaunchedAt).ThenByDescending(c => c.Id).Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        var views = new List<CampaignView>();
        foreach (var row in rows)
        {
            views.Add(await ViewAsync(row, ct));
        }

        return new Page<CampaignView>(views, page.SafePage, page.SafeSize, total);
    }

    public async Task<Result<CampaignView>> GetAsync(Guid id, CancellationToken ct) =>
        await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } row
            ? await ViewAsync(row, ct)
            : ReviewsErrors.CampaignNotFound;

    /// <param name="status">A review status, <c>overdue</c> included; empty = all.</param>
    public async Task<Result<Page<ReviewView>>> ListReviewsAsync(Guid campaignId, string? status, PageRequest page, CancellationToken ct)
    {
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, ct))
        {
            return ReviewsErrors.CampaignNotFound;
        }

        return await PageAsync(Filter(db.Reviews.AsNoTracking().Where(r => r.CampaignId == campaignId), status), page, ct);
    }

    /// <summary>Overdue reviews across campaigns, oldest due first.</summary>
    public Task<Page<ReviewView>> ListOverdueAsync(PageRequest page, CancellationToken ct) =>
        PageAsync(Filter(db.Reviews.AsNoTracking(), ReviewStatus.Overdue), page, ct);

    /// <summary>A clerk resolves a <c>failed</c> review: confirms it, or hands it back to the talent with a fresh period.</summary>
    public async Task<Result<ReviewView>> ResolveAsync(Guid reviewId, ResolveReviewRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        if (request.Resolution is not ("confirm" or "return_to_talent"))
        {
            return ReviewsErrors.ResolutionUnknown;
        }

        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null)
        {
            return ReviewsErrors.ReviewNotFound;
        }

        if (review.Status != ReviewStatus.Failed)
        {
            return ReviewsErrors.NotFailed;
        }

        var now = clock.GetUtcNow();
        if (request.Resolution == "confirm")
        {
            review.Status = ReviewStatus.Confirmed;
            review.CompletedAt = now;
            review.CompletedBy = user.AccountId;
        }
        else
        {
            var due = await calendar.AddWorkingDaysAsync(BusinessTime.Today(clock), options.Value.DefaultResponseWorkingDays, ct);
            if (!due.IsSuccess)
            {
                return due.Error;
            }

            review.Status = ReviewStatus.Pending;
            review.DueOn = due.Value > review.DueOn ? due.Value : review.DueOn;
            review.NotifiedAt = null;
            review.RemindedAt = null;
            review.OverdueNotifiedAt = null;
        }

        review.ClerkNote = request.Note!.Trim();
        review.UpdatedAt = now;
        review.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ReviewsErrors.Concurrency;
        }

        await audit.RecordAsync(new AuditRecord("reviews.review_resolved", "talent", review.TalentId.ToString(), $"review={review.Id}; resolution={request.Resolution}"), ct);
        signal.Wake();
        return View(review, BusinessTime.Today(clock));
    }

    internal IQueryable<ReviewRow> Filter(IQueryable<ReviewRow> query, string? status)
    {
        var today = BusinessTime.Today(clock);
        return status switch
        {
            null or "" => query,
            ReviewStatus.Overdue => query.Where(r => r.Status == ReviewStatus.Pending && r.DueOn < today && r.Reverification != Reverification.Queued),
            ReviewStatus.Pending => query.Where(r => r.Status == ReviewStatus.Pending && (r.DueOn >= today || r.Reverification == Reverification.Queued)),
            _ => query.Where(r => r.Status == status),
        };
    }

    private async Task<Page<ReviewView>> PageAsync(IQueryable<ReviewRow> query, PageRequest page, CancellationToken ct)
    {
        var total = await query.Take((int)Page<ReviewView>.TotalCap).CountAsync(ct);
        var rows = await query.OrderBy(r => r.DueOn).ThenBy(r => r.Id).Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        var today = BusinessTime.Today(clock);
        return new Page<ReviewView>(rows.Select(r => View(r, today)).ToList(), page.SafePage, page.SafeSize, total, total >= Page<ReviewView>.TotalCap);
    }

    internal static ReviewView View(ReviewRow r, DateOnly today) => new(
        r.Id, r.CampaignId, r.TalentId, r.MaskedName, r.Level, r.Category,
        r.Reverification == Reverification.Queued ? r.Status : ReviewStatus.Effective(r.Status, r.DueOn, today),
        r.DueOn, r.Reverification, r.ReverificationAnswerId, r.CompletedAt, r.TalentNote, r.ClerkNote);

    private async Task<CampaignView> ViewAsync(CampaignRow c, CancellationToken ct)
    {
        var today = BusinessTime.Today(clock);
        var grouped = await db.Reviews.AsNoTracking().Where(r => r.CampaignId == c.Id)
            .GroupBy(r => new { r.Status, Late = r.Status == ReviewStatus.Pending && r.DueOn < today && r.Reverification != Reverification.Queued })
            .Select(g => new { g.Key.Status, g.Key.Late, Count = g.Count() }).ToListAsync(ct);
        int Count(string status, bool late = false) => grouped.Where(g => g.Status == status && g.Late == late).Sum(g => g.Count);
        var counts = new CampaignCounts(Count(ReviewStatus.Pending), Count(ReviewStatus.Pending, late: true), Count(ReviewStatus.Reverified),
            Count(ReviewStatus.Confirmed), Count(ReviewStatus.Updated), Count(ReviewStatus.Failed));
        var progress = c.Status == CampaignStatus.Open ? 100 : c.InScope == 0 ? 0 : Math.Min(99, (c.Created + c.Skipped) * 100 / c.InScope);
        return new CampaignView(c.Id, c.Name, CampaignLauncher.Split(c.Levels), CampaignLauncher.Split(c.Categories), c.Targeted, c.AutomaticReverification,
            c.LaunchedOn, c.DueOn, c.Status, c.InScope, c.Created, c.Skipped, progress, c.LaunchedAt, counts);
    }
}
