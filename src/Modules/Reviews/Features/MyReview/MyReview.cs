using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Reviews.Domain;
using TalentPass.Modules.Reviews.Features.Campaigns;
using TalentPass.Modules.Reviews.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Reviews.Features.MyReview;

internal sealed record UpdateReviewRequest
{
    /// <summary>What changed (employer, address, titles …); registry fields are changed through a change request.</summary>
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(1000, MinimumLength = 2, ErrorMessage = "2至1000个字符 / 2 to 1000 characters.")]
    public string? Note { get; init; }
}

/// <summary>The talent's own review (<c>/me/review</c>): see it, confirm nothing changed, or report what changed.</summary>
internal sealed class MyReviewHandler(ReviewsDbContext db, ITalentDirectory talents, ICurrentUser user, TimeProvider clock)
{
    /// <summary>The talent's latest review, or null when they have none.</summary>
    public async Task<Result<ReviewView?>> GetAsync(CancellationToken ct)
    {
        var talentId = await TalentIdAsync(ct);
        if (talentId is null)
        {
            return ReviewsErrors.NoProfile;
        }

        var row = await db.Reviews.AsNoTracking().Where(r => r.TalentId == talentId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        return Result<ReviewView?>.Success(row is null ? null : CampaignsHandler.View(row, BusinessTime.Today(clock)));
    }

    public Task<Result<ReviewView>> ConfirmAsync(CancellationToken ct) => CompleteAsync(ReviewStatus.Confirmed, null, ct);

    public Task<Result<ReviewView>> UpdateAsync(UpdateReviewRequest request, CancellationToken ct) =>
        RequestValidation.Validate(request) is { } invalid
            ? Task.FromResult<Result<ReviewView>>(invalid)
            : CompleteAsync(ReviewStatus.Updated, request.Note!.Trim(), ct);

    private async Task<Result<ReviewView>> CompleteAsync(string status, string? note, CancellationToken ct)
    {
        var talentId = await TalentIdAsync(ct);
        if (talentId is null)
        {
            return ReviewsErrors.NoProfile;
        }

        var review = await db.Reviews.FirstOrDefaultAsync(r => r.TalentId == talentId && r.Status == ReviewStatus.Pending, ct);
        if (review is null)
        {
            return ReviewsErrors.NoOpenReview;
        }

        var now = clock.GetUtcNow();
        review.Status = status;
        review.TalentNote = note;
        review.CompletedAt = now;
        review.CompletedBy = user.AccountId;
        if (review.Reverification == Reverification.Queued)
        {
            review.Reverification = Reverification.Off; // the talent answered first: no look-up needed
        }

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

        return CampaignsHandler.View(review, BusinessTime.Today(clock));
    }

    private async Task<Guid?> TalentIdAsync(CancellationToken ct) =>
        user.AccountId is { } account && await talents.FindByAccountAsync(account, ct) is { } talent ? talent.Id : null;
}
