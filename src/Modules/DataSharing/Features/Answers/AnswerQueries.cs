using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.DataSharing.Domain;
using TalentPass.Modules.DataSharing.Features.LookUp;
using TalentPass.Modules.DataSharing.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.DataSharing.Features.Answers;

/// <summary>A kept answer in a list: who asked, when, why and what came of it (no record fields).</summary>
internal sealed record AnswerListItem(
    Guid Id,
    string Source,
    Guid TalentId,
    string Purpose,
    Guid? RequestedBy,
    DateTimeOffset RequestedAt,
    string Outcome,
    string? Problem,
    int DurationMs);

/// <summary>One answer as evidence: everything kept, the record fields decrypted (the read is audited).</summary>
internal sealed record AnswerEvidence(
    Guid Id,
    string Source,
    Guid TalentId,
    string? TalentMaskedName,
    string Purpose,
    Guid? RequestedBy,
    Guid RequestId,
    DateTimeOffset RequestedAt,
    int DurationMs,
    string Outcome,
    int? HttpStatus,
    string AnswerSha256,
    int AnswerBytes,
    string? Problem,
    IReadOnlyDictionary<string, string> Fields);

/// <summary>The answers for auditors, the talent office, departments and the big-data bureau (read-only evidence).</summary>
internal sealed class AnswerQueries(DataSharingDbContext db, IFieldProtector protector, ITalentDirectory talents, IAuditTrail audit)
{
    public static readonly string[] Readers = [Roles.TalentOffice, Roles.Auditor, Roles.Department, Roles.BigDataBureau];

    public async Task<Result<Page<AnswerListItem>>> ListAsync(Guid? talentId, string? source, string? outcome, PageRequest page, CancellationToken ct)
    {
        source = string.IsNullOrWhiteSpace(source) ? null : source.Trim();
        outcome = string.IsNullOrWhiteSpace(outcome) ? null : outcome.Trim();
        if (source is not null && !SourceSchemas.IsKnown(source))
        {
            return DataSharingErrors.UnknownSource;
        }

        if (outcome is not null && SourceSchemas.Parse(outcome) is null)
        {
            return DataSharingErrors.UnknownOutcome;
        }

        var query = db.Answers.AsNoTracking();
        if (talentId is { } t)
        {
            query = query.Where(a => a.TalentId == t);
        }

        if (source is not null)
        {
            query = query.Where(a => a.Source == source);
        }

        if (outcome is not null)
        {
            query = query.Where(a => a.Outcome == outcome);
        }

        var total = await query.Take((int)Page<AnswerListItem>.TotalCap + 1).CountAsync(ct);
        var items = await query.OrderByDescending(a => a.RequestedAt).ThenByDescending(a => a.Id)
            .Skip(page.Skip).Take(page.SafeSize)
            .Select(a => new AnswerListItem(a.Id, a.Source, a.TalentId, a.Purpose, a.RequestedBy, a.RequestedAt, a.Outcome, a.Problem, a.DurationMs))
            .ToListAsync(ct);
        return new Page<AnswerListItem>(items, page.SafePage, page.SafeSize, Math.Min(total, Page<AnswerListItem>.TotalCap), total > Page<AnswerListItem>.TotalCap);
    }

    public async Task<Result<AnswerEvidence>> GetAsync(Guid id, CancellationToken ct)
    {
        var row = await db.Answers.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (row is null)
        {
            return DataSharingErrors.AnswerNotFound;
        }

        await audit.RecordAsync(new AuditRecord("datasharing.answer_read", "datasharing_answer", id.ToString(), $"source={row.Source}; talent={row.TalentId}"), ct);
        var talent = await talents.GetAsync(row.TalentId, ct);
        return new AnswerEvidence(
            row.Id,
            row.Source,
            row.TalentId,
            talent?.MaskedName,
            row.Purpose,
            row.RequestedBy,
            row.RequestId,
            row.RequestedAt,
            row.DurationMs,
            row.Outcome,
            row.HttpStatus,
            row.AnswerSha256,
            row.AnswerBytes,
            row.Problem,
            DataSharingService.Fields(row, protector));
    }

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/answers", async Task<Results<Ok<Page<AnswerListItem>>, ProblemHttpResult>> (
                Guid? talentId, string? source, string? outcome, int? page, int? pageSize, AnswerQueries handler, CancellationToken ct) =>
            {
                var result = await handler.ListAsync(talentId, source, outcome, new PageRequest(page ?? 1, pageSize ?? PageRequest.DefaultSize), ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("ListDataSharingAnswers")
            .WithSummary("Kept data-sharing answers, newest first, by talent, source and outcome")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/answers/{id:guid}", async Task<Results<Ok<AnswerEvidence>, ProblemHttpResult>> (Guid id, AnswerQueries handler, CancellationToken ct) =>
            {
                var result = await handler.GetAsync(id, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("GetDataSharingAnswer")
            .WithSummary("One kept answer as evidence: source, time, purpose, outcome, SHA-256 of the raw answer and the fields (audited)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
