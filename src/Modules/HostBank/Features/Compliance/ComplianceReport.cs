using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.HostBank.Domain;
using TalentPass.Modules.HostBank.Features.Choice;
using TalentPass.Modules.HostBank.Features.Reports;
using TalentPass.Modules.HostBank.Persistence;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.HostBank.Features.Compliance;

internal sealed record ComplianceRow(
    Guid EnterpriseOrganisationId,
    string EnterpriseName,
    string CreditCode,
    string TalentMaskedName,
    string BankName,
    long? HostDepositsFen,
    long? HostLoansFen,
    long? TotalDepositsFen,
    long? TotalLoansFen,
    long? RevenueFen,
    long? ValuationFen,
    int? ShareBasisPoints,
    string Outcome,
    long? LedgerIndex);

internal sealed record ComplianceReportView(string Quarter, int Compliant, int NonCompliant, int NotApplicable, int Awaiting, Page<ComplianceRow> Rows);

/// <summary>The talent office's quarterly host-bank report: every linked enterprise whose founder had a host bank for the quarter.</summary>
internal sealed class ComplianceReport(
    HostBankDbContext db,
    HostBankChoices choices,
    HostBankReports reports,
    IOrganisationDirectory organisations,
    ITalentDirectory talents,
    TimeProvider clock)
{
    public static readonly string[] Readers = [Roles.TalentOffice, Roles.Operator, Roles.BigDataBureau];

    public string DefaultQuarter => Quarter.Of(BusinessTime.Today(clock)).Previous.ToString();

    /// <param name="enterprise">Only this enterprise's row (an enterprise contact's view of its own enterprise).</param>
    public async Task<Result<ComplianceReportView>> BuildAsync(string? quarterText, string? outcome, PageRequest page, Guid? enterprise, CancellationToken ct)
    {
        var built = await RowsAsync(quarterText, ct);
        if (!built.IsSuccess)
        {
            return built.Error!;
        }

        var (q, rows) = built.Value;
        if (enterprise is { } only)
        {
            rows = rows.Where(r => r.EnterpriseOrganisationId == only).ToList();
        }

        var counts = (
            rows.Count(r => r.Outcome == Outcomes.Compliant),
            rows.Count(r => r.Outcome == Outcomes.NonCompliant),
            rows.Count(r => r.Outcome == Outcomes.NotApplicable),
            rows.Count(r => !Outcomes.Final.Contains(r.Outcome)));
        var filtered = string.IsNullOrWhiteSpace(outcome)
            ? rows
            : outcome == "awaiting" ? rows.Where(r => !Outcomes.Final.Contains(r.Outcome)).ToList() : rows.Where(r => r.Outcome == outcome).ToList();
        var items = filtered.Skip(page.Skip).Take(page.SafeSize).ToList();
        return new ComplianceReportView(q, counts.Item1, counts.Item2, counts.Item3, counts.Item4, new Page<ComplianceRow>(items, page.SafePage, page.SafeSize, filtered.Count));
    }

    private async Task<Result<(string Quarter, List<ComplianceRow> Rows)>> RowsAsync(string? quarterText, CancellationToken ct)
    {
        var text = string.IsNullOrWhiteSpace(quarterText) ? DefaultQuarter : quarterText;
        if (!Quarter.TryParse(text, out var quarter) || quarter.Start > BusinessTime.Today(clock))
        {
            return HostBankErrors.QuarterInvalid;
        }

        var q = quarter.ToString();
        var day = reports.QuarterDay(quarter);
        var rows = new List<ComplianceRow>();
        foreach (var link in await db.Links.AsNoTracking().OrderBy(l => l.CreditCode).ToListAsync(ct))
        {
            var host = await choices.HostOnAsync(link.TalentId, day, ct);
            if (host is null)
            {
                continue;
            }

            var totals = await db.EnterpriseReports.AsNoTracking().FirstOrDefaultAsync(r => r.EnterpriseOrganisationId == link.EnterpriseOrganisationId && r.Quarter == q, ct);
            var bank = await db.BankReports.AsNoTracking().FirstOrDefaultAsync(r => r.EnterpriseOrganisationId == link.EnterpriseOrganisationId && r.Quarter == q, ct);
            var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.EnterpriseOrganisationId == link.EnterpriseOrganisationId && a.Quarter == q, ct);
            var evaluated = assessment is null ? await reports.EvaluateAsync(link.EnterpriseOrganisationId, q, ct) : null;
            rows.Add(new ComplianceRow(
                link.EnterpriseOrganisationId,
                (await organisations.GetAsync(link.EnterpriseOrganisationId, ct))?.Name ?? link.CreditCode,
                link.CreditCode,
                (await talents.GetAsync(link.TalentId, ct))?.MaskedName ?? "—",
                (await organisations.GetAsync(host.PartnerOrganisationId, ct))?.Name ?? host.PartnerOrganisationId.ToString(),
                bank?.DepositsFen,
                bank?.LoansFen,
                totals?.TotalDepositsFen,
                totals?.TotalLoansFen,
                totals?.RevenueFen,
                totals?.ValuationFen,
                assessment?.ShareBasisPoints ?? evaluated?.ShareBasisPoints,
                assessment?.Outcome ?? evaluated!.Outcome,
                assessment?.LedgerIndex));
        }

        return (q, rows);
    }

    /// <summary>CSV (UTF-8 with BOM for spreadsheet programs), amounts in yuan with two decimals.</summary>
    public async Task<Result<string>> CsvAsync(string? quarterText, CancellationToken ct)
    {
        var built = await RowsAsync(quarterText, ct);
        if (!built.IsSuccess)
        {
            return built.Error!;
        }

        var (quarter, all) = built.Value;
        var csv = new StringBuilder();
        csv.AppendLine("quarter,enterprise,credit_code,founder,host_bank,host_deposits_yuan,host_loans_yuan,total_deposits_yuan,total_loans_yuan,revenue_yuan,valuation_yuan,host_share_percent,outcome,ledger_index");
        foreach (var r in all)
        {
            csv.AppendLine(string.Join(',', quarter, Csv(r.EnterpriseName), r.CreditCode, Csv(r.TalentMaskedName), Csv(r.BankName), Yuan(r.HostDepositsFen), Yuan(r.HostLoansFen),
                Yuan(r.TotalDepositsFen), Yuan(r.TotalLoansFen), Yuan(r.RevenueFen), Yuan(r.ValuationFen),
                r.ShareBasisPoints is { } bp ? (bp / 100m).ToString("0.00", CultureInfo.InvariantCulture) : "", r.Outcome, r.LedgerIndex?.ToString(CultureInfo.InvariantCulture) ?? ""));
        }

        return csv.ToString();
    }

    public static string Yuan(long? fen) => fen is { } f ? (f / 100m).ToString("0.00", CultureInfo.InvariantCulture) : "";

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@')
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    public static void Map(RouteGroupBuilder office)
    {
        office.MapGet("/compliance", async Task<Results<Ok<ComplianceReportView>, ProblemHttpResult>> (string? quarter, string? outcome, int? page, int? size, ComplianceReport handler, CancellationToken ct) =>
            {
                var result = await handler.BuildAsync(quarter, outcome, new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), null, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
            })
            .WithName("GetHostBankCompliance")
            .WithSummary("The quarter's host-bank report: compliant, non-compliant, not applicable, awaiting figures (default: the last quarter)")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        office.MapGet("/compliance.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string? quarter, ComplianceReport handler, CancellationToken ct) =>
            {
                var result = await handler.CsvAsync(quarter, ct);
                return result.IsSuccess
                    ? TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(result.Value!)).ToArray(), "text/csv; charset=utf-8", $"host-bank-{quarter ?? handler.DefaultQuarter}.csv")
                    : result.Error!.ToProblem();
            })
            .WithName("ExportHostBankCompliance")
            .WithSummary("The quarter's host-bank report as CSV")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
