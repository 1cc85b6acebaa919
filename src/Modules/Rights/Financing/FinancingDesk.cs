using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Rights.Catalogue;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.Modules.Rights.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Rights.Financing;

internal static class FinancingStatuses
{
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    public const string Declined = "declined";
}

internal sealed record FinancingRequest
{
    /// <summary>Requested amount in whole yuan (10,000–10,000,000).</summary>
    [Range(10_000, 10_000_000, ErrorMessage = "金额须在1万至1000万元之间 / The amount is 10,000–10,000,000 yuan.")]
    public long AmountYuan { get; init; }

    [Range(1, 120, ErrorMessage = "期限须在1至120个月之间 / The term is 1–120 months.")]
    public int TermMonths { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "2至200个字符 / 2–200 characters.")]
    public string? Purpose { get; init; }
}

internal sealed record FinancingAnswer
{
    /// <summary><c>approved</c> or <c>declined</c>.</summary>
    [Required(ErrorMessage = "必填 / Required.")]
    public string? Decision { get; init; }

    /// <summary>Approved amount in whole yuan (approved only; at most the requested amount).</summary>
    public long? ApprovedAmountYuan { get; init; }

    [StringLength(500, ErrorMessage = "最多500个字符 / At most 500 characters.")]
    public string? Note { get; init; }
}

internal sealed record FinancingView(
    Guid Id,
    string Reference,
    Guid RightId,
    string RightNameZh,
    string RightNameEn,
    Guid BankOrganisationId,
    string TalentMaskedName,
    string TalentLevel,
    long AmountFen,
    int TermMonths,
    string Purpose,
    string Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? AnsweredAt,
    long? ApprovedAmountFen,
    string? BankNote);

/// <summary>
/// Financing applications (融资申请) under a financial right: the talent applies, the right's provider (the bank)
/// sees its own applications and answers once (approved with an amount, or declined).
/// </summary>
internal sealed class FinancingDesk(RightsDbContext db, RightsCatalogue catalogue, TimeProvider clock)
{
    public async Task<Result<FinancingView>> ApplyAsync(TalentSummary talent, Guid rightId, FinancingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(talent);
        ArgumentNullException.ThrowIfNull(request);
        var right = await catalogue.GetAsync(rightId, ct);
        if (right is null)
        {
            return RightsErrors.RightNotFound;
        }

        if (right.Kind != RightKinds.Financial)
        {
            return RightsErrors.FinancingNotFinancial;
        }

        if (talent.Status != "active")
        {
            return RightsErrors.TalentNotActive;
        }

        if (RightEligibility.Check(right, talent.Level, talent.Category, Beneficiaries.Self, null, BusinessTime.Today(clock)) is { } refusal)
        {
            return Error.Conflict(refusal, RefusalMessage(refusal));
        }

        if (await db.Financing.AnyAsync(f => f.TalentId == talent.Id && f.RightId == rightId && f.Status == FinancingStatuses.Submitted, ct))
        {
            return RightsErrors.FinancingOpen;
        }

        var now = clock.GetUtcNow();
        var row = new FinancingRow
        {
            Id = Guid.CreateVersion7(now),
            Reference = $"RZ{BusinessTime.Today(clock):yyyyMMdd}{RandomNumberGenerator.GetInt32(0, 1_000_000):D6}",
            TalentId = talent.Id,
            TalentMaskedName = talent.MaskedName,
            TalentLevel = talent.Level,
            RightId = right.Id,
            BankOrganisationId = right.ProviderOrganisationId,
            AmountFen = request.AmountYuan * 100,
            TermMonths = request.TermMonths,
            Purpose = request.Purpose?.Trim() ?? "",
            Status = FinancingStatuses.Submitted,
            SubmittedAt = now,
            Version = 1,
        };
        db.Financing.Add(row);
        await db.SaveChangesAsync(ct);
        return View(row, right);
    }

    public async Task<IReadOnlyList<FinancingView>> ListForTalentAsync(Guid talentId, CancellationToken ct) =>
        await ViewsAsync(await db.Financing.AsNoTracking().Where(f => f.TalentId == talentId).OrderByDescending(f => f.SubmittedAt).Take(100).ToListAsync(ct), ct);

    public async Task<Page<FinancingView>> ListForBankAsync(Guid bankOrganisationId, string? status, PageRequest page, CancellationToken ct)
    {
        var query = db.Financing.AsNoTracking().Where(f => f.BankOrganisationId == bankOrganisationId);
        if (!string.IsNullOrWhiteSpace(status))
        {
            query = query.Where(f => f.Status == status);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(f => f.SubmittedAt).ThenBy(f => f.Id).Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        return new Page<FinancingView>(await ViewsAsync(rows, ct), page.SafePage, page.SafeSize, total);
    }

    public async Task<Result<FinancingView>> GetForBankAsync(Guid bankOrganisationId, Guid id, CancellationToken ct)
    {
        var row = await db.Financing.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id && f.BankOrganisationId == bankOrganisationId, ct);
        return row is null ? RightsErrors.FinancingNotFound : View(row, await catalogue.GetAsync(row.RightId, ct));
    }

    public async Task<Result<FinancingView>> AnswerAsync(Guid bankOrganisationId, Guid id, FinancingAnswer answer, Guid? by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var row = await db.Financing.SingleOrDefaultAsync(f => f.Id == id && f.BankOrganisationId == bankOrganisationId, ct);
        if (row is null)
        {
            return RightsErrors.FinancingNotFound;
        }

        if (row.Status != FinancingStatuses.Submitted)
        {
            return RightsErrors.FinancingAlreadyAnswered;
        }

        var decision = answer.Decision?.Trim().ToLowerInvariant();
        if (decision is not (FinancingStatuses.Approved or FinancingStatuses.Declined))
        {
            return RightsErrors.Invalid("rights.financing_decision_invalid", "decision", "请选择批准或拒绝 / Choose approved or declined.");
        }

        if (decision == FinancingStatuses.Approved && (answer.ApprovedAmountYuan is not { } amount || amount < 1 || amount * 100 > row.AmountFen))
        {
            return RightsErrors.Invalid("rights.financing_amount_invalid", "approvedAmountYuan", "批准金额须为正数且不超过申请金额 / The approved amount must be positive and at most the requested amount.");
        }

        row.Status = decision;
        row.ApprovedAmountFen = decision == FinancingStatuses.Approved ? answer.ApprovedAmountYuan * 100 : null;
        row.BankNote = string.IsNullOrWhiteSpace(answer.Note) ? null : answer.Note.Trim();
        row.AnsweredAt = clock.GetUtcNow();
        row.AnsweredBy = by;
        row.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RightsErrors.FinancingAlreadyAnswered;
        }

        return View(row, await catalogue.GetAsync(row.RightId, ct));
    }

    public static string RefusalMessage(string code) => code switch
    {
        RightEligibility.LevelNotEligible => "您的人才层级不享受该权益 / Your talent level does not give this right.",
        RightEligibility.CategoryNotEligible => "您的人才类别不享受该权益 / Your talent category does not give this right.",
        RightEligibility.NotYetValid => "该权益尚未生效 / The right is not valid yet.",
        RightEligibility.Expired => "该权益已过期 / The right has expired.",
        RightEligibility.Withdrawn => "该权益已撤销 / The right has been withdrawn.",
        RightEligibility.BeneficiaryNotCovered => "该权益不覆盖此家庭成员 / The right does not cover this family member.",
        RightEligibility.WrongServicePoint => "该权益不在此服务网点提供 / The right is not given at this service point.",
        _ => "不能享受该权益 / The right cannot be used.",
    };

    private async Task<IReadOnlyList<FinancingView>> ViewsAsync(IReadOnlyList<FinancingRow> rows, CancellationToken ct)
    {
        var views = new List<FinancingView>(rows.Count);
        foreach (var row in rows)
        {
            views.Add(View(row, await catalogue.GetAsync(row.RightId, ct)));
        }

        return views;
    }

    private static FinancingView View(FinancingRow row, RightDefinition? right) => new(
        row.Id, row.Reference, row.RightId, right?.NameZh ?? "", right?.NameEn ?? "", row.BankOrganisationId, row.TalentMaskedName, row.TalentLevel,
        row.AmountFen, row.TermMonths, row.Purpose, row.Status, row.SubmittedAt, row.AnsweredAt, row.ApprovedAmountFen, row.BankNote);
}
