using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.HostBank.Domain;
using TalentPass.Modules.HostBank.Features.Choice;
using TalentPass.Modules.HostBank.Persistence;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.HostBank.Features.Reports;

internal sealed record BankReportRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    public Guid? EnterpriseOrganisationId { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    public string? Quarter { get; init; }

    /// <summary>The enterprise's deposits with the reporting (host) bank at the quarter's end, in fen.</summary>
    [Required(ErrorMessage = "必填 / Required.")]
    public long? DepositsFen { get; init; }

    /// <summary>The enterprise's loans from the reporting (host) bank at the quarter's end, in fen.</summary>
    [Required(ErrorMessage = "必填 / Required.")]
    public long? LoansFen { get; init; }
}

internal sealed record EnterpriseReportRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    public Guid? EnterpriseOrganisationId { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    public string? Quarter { get; init; }

    /// <summary>Deposits at all banks at the quarter's end, in fen.</summary>
    [Required(ErrorMessage = "必填 / Required.")]
    public long? TotalDepositsFen { get; init; }

    /// <summary>Loans from all banks at the quarter's end, in fen.</summary>
    [Required(ErrorMessage = "必填 / Required.")]
    public long? TotalLoansFen { get; init; }

    /// <summary>Operating revenue of the last twelve months, in fen.</summary>
    [Required(ErrorMessage = "必填 / Required.")]
    public long? RevenueFen { get; init; }

    /// <summary>Latest equity-investment valuation, in fen.</summary>
    [Required(ErrorMessage = "必填 / Required.")]
    public long? ValuationFen { get; init; }
}

/// <param name="Replayed">The same figures had been reported before: nothing changed.</param>
internal sealed record ReportAccepted(Guid EnterpriseOrganisationId, string Quarter, bool Replayed, string Outcome);

internal sealed record CustomerView(Guid EnterpriseOrganisationId, string EnterpriseName, string CreditCode, string TalentMaskedName, DateOnly HostSince, long? DepositsFen, long? LoansFen, string? ReportedQuarter);

/// <summary>
/// Quarterly figures: the host bank reports the enterprise's deposits and loans with it (partner API, only for
/// enterprises whose founder had chosen that bank for the quarter — 404 otherwise); the enterprise's contact (or the
/// talent office for it) reports its totals at all banks, its revenue of the last year and its valuation. Each report
/// is accepted once per enterprise and quarter (the same figures again are an idempotent replay, different figures
/// are refused). When the figures are complete TalentPass decides the quarter and records the result as evidence.
/// </summary>
internal sealed partial class HostBankReports(
    HostBankDbContext db,
    ICurrentUser user,
    HostBankChoices choices,
    IOrganisationDirectory organisations,
    IPartnerDirectory partners,
    Talents.Contracts.ITalentDirectory talents,
    ILedger ledger,
    TimeProvider clock,
    ILogger<HostBankReports> logger)
{
    private Result<Guid> CurrentPartner() =>
        user.IsInRole(Roles.PartnerStaff) && user.OrganisationId is { } org ? org : HostBankErrors.NotPartner;

    private Result<Quarter> ParseQuarter(string? text) =>
        Domain.Quarter.TryParse(text, out var q) && q.Start <= BusinessTime.Today(clock) ? q : HostBankErrors.QuarterInvalid;

    /// <summary>The enterprises of the talents whose current host bank is the caller, with the figures reported for <paramref name="quarterText"/>.</summary>
    public async Task<Result<IReadOnlyList<CustomerView>>> ListCustomersAsync(string? quarterText, CancellationToken ct)
    {
        var partner = CurrentPartner();
        if (!partner.IsSuccess)
        {
            return partner.Error!;
        }

        string? quarter = null;
        if (!string.IsNullOrWhiteSpace(quarterText))
        {
            var q = ParseQuarter(quarterText);
            if (!q.IsSuccess)
            {
                return q.Error!;
            }

            quarter = q.Value.ToString();
        }

        var current = await db.Choices.AsNoTracking().Where(c => c.PartnerOrganisationId == partner.Value && c.EndedAt == null).ToListAsync(ct);
        var talentIds = current.Select(c => c.TalentId).ToList();
        var links = await db.Links.AsNoTracking().Where(l => talentIds.Contains(l.TalentId)).ToListAsync(ct);
        var reports = quarter is null ? [] : await db.BankReports.AsNoTracking().Where(r => r.PartnerOrganisationId == partner.Value && r.Quarter == quarter).ToListAsync(ct);
        var views = new List<CustomerView>();
        foreach (var link in links.OrderBy(l => l.CreditCode, StringComparer.Ordinal))
        {
            var name = (await organisations.GetAsync(link.EnterpriseOrganisationId, ct))?.Name ?? link.CreditCode;
            var talent = await talents.GetAsync(link.TalentId, ct);
            var report = reports.FirstOrDefault(r => r.EnterpriseOrganisationId == link.EnterpriseOrganisationId);
            views.Add(new CustomerView(link.EnterpriseOrganisationId, name, link.CreditCode, talent?.MaskedName ?? "—",
                current.First(c => c.TalentId == link.TalentId).Since, report?.DepositsFen, report?.LoansFen, report?.Quarter));
        }

        return views;
    }

    public async Task<Result<ReportAccepted>> SubmitBankReportAsync(BankReportRequest request, CancellationToken ct)
    {
        var partner = CurrentPartner();
        if (!partner.IsSuccess)
        {
            return partner.Error!;
        }

        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        if (request.DepositsFen < 0 || request.LoansFen < 0)
        {
            return HostBankErrors.Negative(request.DepositsFen < 0 ? "depositsFen" : "loansFen");
        }

        var quarter = ParseQuarter(request.Quarter);
        if (!quarter.IsSuccess)
        {
            return quarter.Error!;
        }

        var enterpriseId = request.EnterpriseOrganisationId!.Value;
        var q = quarter.Value.ToString();
        var link = await db.Links.AsNoTracking().FirstOrDefaultAsync(l => l.EnterpriseOrganisationId == enterpriseId, ct);
        var host = link is null ? null : await choices.HostOnAsync(link.TalentId, QuarterDay(quarter.Value), ct);
        if (link is null || host is null || host.PartnerOrganisationId != partner.Value)
        {
            return HostBankErrors.EnterpriseNotFound; // not this bank's customer for that quarter: 404, not 403
        }

        var existing = await db.BankReports.AsNoTracking().FirstOrDefaultAsync(r => r.EnterpriseOrganisationId == enterpriseId && r.Quarter == q, ct);
        if (existing is not null)
        {
            return existing.DepositsFen == request.DepositsFen && existing.LoansFen == request.LoansFen && existing.PartnerOrganisationId == partner.Value
                ? new ReportAccepted(enterpriseId, q, true, await OutcomeAsync(enterpriseId, q, ct))
                : HostBankErrors.DuplicateReport;
        }

        var totals = await db.EnterpriseReports.AsNoTracking().FirstOrDefaultAsync(r => r.EnterpriseOrganisationId == enterpriseId && r.Quarter == q, ct);
        if (totals is not null && (request.DepositsFen > totals.TotalDepositsFen || request.LoansFen > totals.TotalLoansFen))
        {
            return HostBankErrors.FiguresInconsistent;
        }

        db.BankReports.Add(new BankReportRow
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            EnterpriseOrganisationId = enterpriseId,
            Quarter = q,
            PartnerOrganisationId = partner.Value,
            DepositsFen = request.DepositsFen!.Value,
            LoansFen = request.LoansFen!.Value,
            ReportedAt = clock.GetUtcNow(),
            ReportedBy = user.AccountId,
        });
        if (!await TrySaveAsync(ct))
        {
            return HostBankErrors.DuplicateReport;
        }

        return new ReportAccepted(enterpriseId, q, false, await AssessAsync(enterpriseId, q, ct));
    }

    public async Task<Result<ReportAccepted>> SubmitEnterpriseReportAsync(EnterpriseReportRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        var enterpriseId = request.EnterpriseOrganisationId!.Value;
        var office = user.IsInRole(Roles.TalentOffice);
        if (!office && !(user.IsInRole(Roles.EnterpriseContact) && user.OrganisationId == enterpriseId))
        {
            return HostBankErrors.NotEnterpriseContact; // another enterprise's id: 404
        }

        foreach (var (field, value) in new[] { ("totalDepositsFen", request.TotalDepositsFen), ("totalLoansFen", request.TotalLoansFen), ("revenueFen", request.RevenueFen), ("valuationFen", request.ValuationFen) })
        {
            if (value < 0)
            {
                return HostBankErrors.Negative(field);
            }
        }

        var quarter = ParseQuarter(request.Quarter);
        if (!quarter.IsSuccess)
        {
            return quarter.Error!;
        }

        var q = quarter.Value.ToString();
        if (!await db.Links.AsNoTracking().AnyAsync(l => l.EnterpriseOrganisationId == enterpriseId, ct))
        {
            return HostBankErrors.NotEnterpriseContact; // not founded by a talent with a host bank
        }

        var existing = await db.EnterpriseReports.AsNoTracking().FirstOrDefaultAsync(r => r.EnterpriseOrganisationId == enterpriseId && r.Quarter == q, ct);
        if (existing is not null)
        {
            var same = existing.TotalDepositsFen == request.TotalDepositsFen && existing.TotalLoansFen == request.TotalLoansFen
                && existing.RevenueFen == request.RevenueFen && existing.ValuationFen == request.ValuationFen;
            return same ? new ReportAccepted(enterpriseId, q, true, await OutcomeAsync(enterpriseId, q, ct)) : HostBankErrors.DuplicateReport;
        }

        var bank = await db.BankReports.AsNoTracking().FirstOrDefaultAsync(r => r.EnterpriseOrganisationId == enterpriseId && r.Quarter == q, ct);
        if (bank is not null && (bank.DepositsFen > request.TotalDepositsFen || bank.LoansFen > request.TotalLoansFen))
        {
            return HostBankErrors.FiguresInconsistent;
        }

        db.EnterpriseReports.Add(new EnterpriseReportRow
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            EnterpriseOrganisationId = enterpriseId,
            Quarter = q,
            TotalDepositsFen = request.TotalDepositsFen!.Value,
            TotalLoansFen = request.TotalLoansFen!.Value,
            RevenueFen = request.RevenueFen!.Value,
            ValuationFen = request.ValuationFen!.Value,
            ReportedAt = clock.GetUtcNow(),
            ReportedBy = user.AccountId,
        });
        if (!await TrySaveAsync(ct))
        {
            return HostBankErrors.DuplicateReport;
        }

        return new ReportAccepted(enterpriseId, q, false, await AssessAsync(enterpriseId, q, ct));
    }

    /// <summary>The day whose host bank a quarter belongs to: its last day, or today for the running quarter.</summary>
    public DateOnly QuarterDay(Quarter quarter)
    {
        var today = BusinessTime.Today(clock);
        return quarter.End < today ? quarter.End : today;
    }

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false; // the unique (enterprise, quarter) index: a concurrent report won
        }
    }

    private async Task<string> OutcomeAsync(Guid enterpriseId, string quarter, CancellationToken ct) =>
        (await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.EnterpriseOrganisationId == enterpriseId && a.Quarter == quarter, ct))?.Outcome
        ?? (await EvaluateAsync(enterpriseId, quarter, ct)).Outcome;

    public async Task<RuleResult> EvaluateAsync(Guid enterpriseId, string quarter, CancellationToken ct)
    {
        var totals = await db.EnterpriseReports.AsNoTracking().FirstOrDefaultAsync(r => r.EnterpriseOrganisationId == enterpriseId && r.Quarter == quarter, ct);
        var bank = await db.BankReports.AsNoTracking().FirstOrDefaultAsync(r => r.EnterpriseOrganisationId == enterpriseId && r.Quarter == quarter, ct);
        return HostBankRule.Evaluate(
            totals is null ? null : new EnterpriseFigures(totals.TotalDepositsFen, totals.TotalLoansFen, totals.RevenueFen, totals.ValuationFen),
            bank is null ? null : new BankFigures(bank.DepositsFen, bank.LoansFen));
    }

    /// <summary>Decides the quarter once its figures are complete, stores the decision and records it as evidence.</summary>
    public async Task<string> AssessAsync(Guid enterpriseId, string quarter, CancellationToken ct)
    {
        var result = await EvaluateAsync(enterpriseId, quarter, ct);
        if (!Outcomes.Final.Contains(result.Outcome)
            || await db.Assessments.AnyAsync(a => a.EnterpriseOrganisationId == enterpriseId && a.Quarter == quarter, ct))
        {
            return result.Outcome;
        }

        var link = await db.Links.AsNoTracking().FirstAsync(l => l.EnterpriseOrganisationId == enterpriseId, ct);
        Domain.Quarter.TryParse(quarter, out var q);
        var host = await choices.HostOnAsync(link.TalentId, QuarterDay(q), ct);
        if (host is null)
        {
            return result.Outcome;
        }

        var bank = await partners.GetAsync(host.PartnerOrganisationId, ct);
        var now = clock.GetUtcNow();
        var document = JsonSerializer.Serialize(new
        {
            type = "host_bank_assessment",
            enterprise = link.CreditCode,
            quarter,
            bank = bank?.Code,
            outcome = result.Outcome,
            hostFen = result.HostFen,
            totalFen = result.TotalFen,
            shareBasisPoints = result.ShareBasisPoints,
            requiredPercent = HostBankRule.RequiredPercent,
            revenueLimitFen = HostBankRule.RevenueLimitFen,
            valuationLimitFen = HostBankRule.ValuationLimitFen,
        });
        var row = new AssessmentRow
        {
            EnterpriseOrganisationId = enterpriseId,
            Quarter = quarter,
            TalentId = link.TalentId,
            PartnerOrganisationId = host.PartnerOrganisationId,
            Outcome = result.Outcome,
            HostFen = result.HostFen,
            TotalFen = result.TotalFen,
            ShareBasisPoints = result.ShareBasisPoints,
            AssessedAt = now,
            Document = document,
        };
        db.Assessments.Add(row);
        if (!await TrySaveAsync(ct))
        {
            return result.Outcome; // assessed concurrently
        }

        var appended = await ledger.AppendAsync(
            new LedgerEntryDraft(
                LedgerKinds.PerformanceReport,
                LedgerDigest.Sha256(Encoding.UTF8.GetBytes(document)),
                [bank?.Code ?? host.PartnerOrganisationId.ToString("N"), link.CreditCode],
                "hostbank",
                now,
                $"hostbank:{link.CreditCode}:{quarter}"),
            ct);
        if (appended.IsSuccess)
        {
            row.LedgerIndex = appended.Value!.Index;
            await db.SaveChangesAsync(ct);
        }
        else
        {
            LogNotRecorded(logger, appended.Error!.Code);
        }

        return result.Outcome;
    }

    public static void MapPartner(RouteGroupBuilder partner)
    {
        partner.MapGet("/customers", async Task<Results<Ok<IReadOnlyList<CustomerView>>, ProblemHttpResult>> (string? quarter, HostBankReports handler, CancellationToken ct) =>
            {
                var result = await handler.ListCustomersAsync(quarter, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
            })
            .WithName("ListHostBankCustomers")
            .WithSummary("Enterprises founded by talents whose host bank is the calling bank, with its figures for the quarter")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        partner.MapPost("/reports", async Task<Results<Ok<ReportAccepted>, ProblemHttpResult>> (BankReportRequest request, HostBankReports handler, CancellationToken ct) =>
            {
                var result = await handler.SubmitBankReportAsync(request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
            })
            .WithName("ReportHostBankFigures")
            .WithSummary("The host bank reports an enterprise's deposits and loans with it for a quarter (fen; once per quarter, idempotent)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static void MapEnterprise(RouteGroupBuilder group)
    {
        group.MapPost("/enterprise-reports", async Task<Results<Ok<ReportAccepted>, ProblemHttpResult>> (EnterpriseReportRequest request, HostBankReports handler, CancellationToken ct) =>
            {
                var result = await handler.SubmitEnterpriseReportAsync(request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
            })
            .WithName("ReportEnterpriseTotals")
            .WithSummary("An enterprise's totals at all banks, revenue of the last year and valuation for a quarter (its contact, or the talent office)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "A host-bank assessment was not recorded in the ledger ({Code})")]
    private static partial void LogNotRecorded(ILogger logger, string code);
}
