using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TalentPass.Infrastructure.Http;
using TalentPass.Infrastructure.Reporting;
using TalentPass.Modules.Contribution.Features.Formulas;
using TalentPass.Modules.Contribution.Features.Rankings;
using TalentPass.Modules.Contribution.Features.Reports;
using TalentPass.Modules.Contribution.Features.Rewards;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Contribution.Features;

/// <summary>HTTP endpoints under <c>/api/v1/contribution</c>.</summary>
internal static class ContributionEndpoints
{
    /// <summary>Who sees the ranking and the formula (institutions see the ranking they are ranked in).</summary>
    public static readonly string[] RankingViewers = [Roles.TalentOffice, Roles.Operator, Roles.Auditor, Roles.BigDataBureau, Roles.PartnerStaff];

    /// <summary>Who sees the rights reports.</summary>
    public static readonly string[] ReportViewers = [Roles.TalentOffice, Roles.Operator, Roles.Auditor, Roles.BigDataBureau, Roles.Department];

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/rankings", async Task<Results<Ok<RankingView>, ProblemHttpResult>> (ContributionReader reader, DateOnly? from, DateOnly? to, CancellationToken ct) =>
            {
                var result = await reader.RankingAsync(from, to, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(RankingViewers))
            .WithName("GetContributionRanking")
            .WithSummary("Contribution value (服务贡献值) of third-party institutions for a period (default: this year), each day by the formula version in force")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/formulas", async (ContributionReader reader, CancellationToken ct) => TypedResults.Ok(await reader.FormulasAsync(ct)))
            .RequireAuthorization(p => p.RequireRole(RankingViewers))
            .WithName("ListContributionFormulas")
            .WithSummary("Every version of the contribution formula with its validity, newest first")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/formulas", async Task<Results<Created<FormulaView>, ProblemHttpResult>> (NewFormulaRequest request, FormulaVersions versions, CancellationToken ct) =>
            {
                var result = await versions.AddAsync(request, ct);
                return result.IsSuccess ? TypedResults.Created("/api/v1/contribution/formulas", result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.TalentOffice))
            .WithName("AddContributionFormulaVersion")
            .WithSummary("Add a formula version taking effect today or later (the open version ends the day before; past periods keep their value)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/rewards", async Task<Results<Created<RewardView>, ProblemHttpResult>> (RewardRequest request, RewardDecisions rewards, CancellationToken ct) =>
            {
                var result = await rewards.DecideAsync(request, ct);
                return result.IsSuccess ? TypedResults.Created($"/api/v1/contribution/rewards/{result.Value.Id}", result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.TalentOffice))
            .WithName("DecideContributionReward")
            .WithSummary("Record the talent office's reward decision for an institution's contribution in a period; its digest goes to the evidence ledger (kind reward)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/rewards", async (RewardDecisions rewards, Guid? organisationId, int? max, CancellationToken ct) =>
                TypedResults.Ok(await rewards.ListAsync(organisationId, max ?? 50, ct)))
            .RequireAuthorization(p => p.RequireRole(RankingViewers))
            .WithName("ListContributionRewards")
            .WithSummary("Reward decisions, newest first, with their ledger index")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/reports", async Task<Results<Ok<ReportSection>, ProblemHttpResult>> (RightsReport report, DateOnly? from, DateOnly? to, CancellationToken ct) =>
            {
                var result = await report.BuildAsync(from, to, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(ReportViewers))
            .WithName("GetRightsReport")
            .WithSummary("Rights redeemed in a period: by right, provider, level and month; quota use; top contributors")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/reports.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (RightsReport report, DateOnly? from, DateOnly? to, CancellationToken ct) =>
            {
                var result = await report.BuildAsync(from, to, ct);
                return result.IsSuccess
                    ? TypedResults.File(RightsReport.ToCsv(result.Value), "text/csv; charset=utf-8", "rights-report.csv")
                    : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(ReportViewers))
            .WithName("ExportRightsReportCsv")
            .WithSummary("The rights report as CSV (UTF-8 with BOM)")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
