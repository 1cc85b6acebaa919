using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Contribution.Domain;
using TalentPass.Modules.Contribution.Features.Rankings;
using TalentPass.Modules.Contribution.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Contribution.Features.Formulas;

/// <summary>A new formula version: weights with up to three decimals, taking effect on <see cref="ValidFrom"/> (today or later).</summary>
internal sealed record NewFormulaRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    public DateOnly? ValidFrom { get; init; }

    [Range(0, 1000, ErrorMessage = "0–1000")]
    public decimal YuanWeight { get; init; }

    [Range(0, 1000, ErrorMessage = "0–1000")]
    public decimal RedemptionWeight { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(500, MinimumLength = 2, ErrorMessage = "2至500个字符 / 2 to 500 characters.")]
    public string? Note { get; init; }
}

/// <summary>Adds formula versions (the talent office): the open version is closed the day before the new one takes effect.</summary>
internal sealed class FormulaVersions(ContributionDbContext db, ICurrentUser user, ContributionReader reader, TimeProvider clock)
{
    public async Task<Result<FormulaView>> AddAsync(NewFormulaRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        var yuan = (int)Math.Round(request.YuanWeight * 1000m, MidpointRounding.AwayFromZero);
        var perRedemption = (int)Math.Round(request.RedemptionWeight * 1000m, MidpointRounding.AwayFromZero);
        if (yuan < 0 || perRedemption < 0 || yuan + perRedemption == 0)
        {
            return ContributionErrors.WeightsInvalid;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.Formulas.ToListAsync(ct);
        var validFrom = request.ValidFrom!.Value;
        switch (ContributionCalculator.CheckNewVersion(existing, validFrom, reader.Today))
        {
            case "retroactive":
                return ContributionErrors.FormulaRetroactive;
            case "not_after_latest":
                return ContributionErrors.FormulaNotAfterLatest;
        }

        foreach (var open in existing.Where(f => f.ValidTo is null || f.ValidTo >= validFrom))
        {
            open.ValidTo = validFrom.AddDays(-1);
        }

        var now = clock.GetUtcNow();
        var row = new ContributionFormula
        {
            Id = Guid.CreateVersion7(now),
            Version = existing.Count == 0 ? 1 : existing.Max(f => f.Version) + 1,
            ValidFrom = validFrom,
            YuanWeightMilli = yuan,
            RedemptionWeightMilli = perRedemption,
            Note = request.Note!.Trim(),
            CreatedAt = now,
            CreatedBy = user.AccountId,
        };
        db.Formulas.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return ContributionErrors.FormulaNotAfterLatest; // a concurrent version took the number
        }

        await tx.CommitAsync(ct);
        return new FormulaView(row.Version, row.ValidFrom, row.ValidTo, yuan / 1000m, perRedemption / 1000m, row.Note, row.CreatedAt, row.Covers(reader.Today));
    }
}
