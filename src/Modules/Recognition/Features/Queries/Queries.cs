using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Recognition.Domain;
using TalentPass.Modules.Recognition.Features.Shared;
using TalentPass.Modules.Recognition.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Recognition.Features.Queries;

/// <summary>What a public verification of a certificate number shows (no personal data beyond the masked name).</summary>
internal sealed record CertificateCheck(string CertificateNumber, bool InForce, string Status, string TalentName, string Level, string Path, DateOnly? EffectiveOn, DateTimeOffset? DecidedAt, DateTimeOffset? RevokedAt, string? CertificateDigest, long? LedgerIndex);

/// <summary>Reads: one recognition (scoped), the talent's own, the office queue, an enterprise's self-recognitions, evidence, certificate checks.</summary>
internal sealed class QueriesHandler(
    RecognitionDbContext db,
    RecognitionAccess access,
    ApplicationViewBuilder views,
    IFieldProtector protector,
    IAuditTrail audit,
    Talents.Contracts.ITalentDirectory talents)
{
    public async Task<Result<ApplicationView>> GetAsync(Guid id, CancellationToken ct)
    {
        var application = await LoadReadableAsync(id, ct);
        return application is null ? RecognitionErrors.NotFound : await views.BuildAsync(application, ct);
    }

    public async Task<RecognitionApplication?> LoadReadableAsync(Guid id, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return null;
        }

        var onPanel = await db.PanelMembers.AnyAsync(m => m.ApplicationId == id && m.ExpertAccountId == access.AccountId, ct);
        return await access.CanReadAsync(application, onPanel, ct) ? application : null;
    }

    public async Task<Result<IReadOnlyList<ApplicationRow>>> MineAsync(CancellationToken ct)
    {
        var talent = await access.MyTalentAsync(ct);
        if (talent is null)
        {
            return RecognitionErrors.NoProfile;
        }

        var items = await db.Applications.AsNoTracking().Where(a => a.TalentId == talent.Id).OrderByDescending(a => a.Id).Take(100).ToListAsync(ct);
        return Result<IReadOnlyList<ApplicationRow>>.Success(await views.RowsAsync(items, ct));
    }

    /// <summary>The talent office's queue: filter by status and path, search by application or certificate number or talent id.</summary>
    public async Task<Page<ApplicationRow>> QueueAsync(string? status, string? path, string? q, PageRequest page, CancellationToken ct)
    {
        var query = db.Applications.AsNoTracking();
        if (RecognitionStatus.Normalise(status) is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        if (RecognitionPaths.Normalise(path) is { } p)
        {
            query = query.Where(a => a.Path == p);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            query = Guid.TryParse(term, out var talentId)
                ? query.Where(a => a.TalentId == talentId || a.Id == talentId)
                : query.Where(a => a.Number == term || a.CertificateNumber == term);
        }

        return await PageAsync(query.OrderBy(a => a.Id), page, ct);
    }

    /// <summary>An enterprise contact's own self-recognitions.</summary>
    public async Task<Page<ApplicationRow>> EmployerAsync(PageRequest page, CancellationToken ct)
    {
        var org = access.User.OrganisationId ?? Guid.Empty;
        var query = db.Applications.AsNoTracking().Where(a => a.Path == RecognitionPaths.Employer && a.EmployerOrganisationId == org);
        return await PageAsync(query.OrderByDescending(a => a.Id), page, ct);
    }

    private async Task<Page<ApplicationRow>> PageAsync(IQueryable<RecognitionApplication> query, PageRequest page, CancellationToken ct)
    {
        var total = await query.Take((int)Page<ApplicationRow>.TotalCap + 1).CountAsync(ct);
        var items = await query.Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        return new Page<ApplicationRow>(await views.RowsAsync(items, ct), page.SafePage, page.SafeSize,
            Math.Min(total, Page<ApplicationRow>.TotalCap), total > Page<ApplicationRow>.TotalCap);
    }

    public async Task<EvidenceDocument?> EvidenceAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        if (await LoadReadableAsync(id, ct) is null)
        {
            return null;
        }

        var document = await db.Evidence.AsNoTracking().FirstOrDefaultAsync(e => e.ApplicationId == id && e.Id == documentId, ct);
        if (document is not null)
        {
            await audit.RecordAsync(new AuditRecord("recognition.evidence_read", "recognition", id.ToString("D"), $"document {documentId:D}"), ct);
        }

        return document;
    }

    /// <summary>The mailing address (talent office only; audited).</summary>
    public async Task<string?> MailAddressAsync(Guid id, CancellationToken ct)
    {
        if (!access.IsTalentOffice)
        {
            return null;
        }

        var cipher = await db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => a.MailAddressCipher).FirstOrDefaultAsync(ct);
        if (cipher is null)
        {
            return null;
        }

        await audit.RecordAsync(new AuditRecord("recognition.mail_address_read", "recognition", id.ToString("D"), "mailing address unmasked"), ct);
        return protector.Unprotect(cipher);
    }

    public async Task<CertificateCheck?> CheckAsync(string number, CancellationToken ct)
    {
        var normalised = number.Trim().ToUpperInvariant();
        var a = await db.Applications.AsNoTracking().FirstOrDefaultAsync(x => x.CertificateNumber == normalised, ct);
        if (a is null)
        {
            return null;
        }

        var talent = await talents.GetAsync(a.TalentId, ct);
        return new CertificateCheck(a.CertificateNumber!, a.Status == RecognitionStatus.Approved, a.Status, talent?.MaskedName ?? "—", a.DecidedLevel ?? "—", a.Path,
            a.EffectiveOn, a.DecidedAt, a.RevokedAt, a.CertificateDigest, a.LedgerIndex);
    }

    public static void Map(RouteGroupBuilder signedIn, RouteGroupBuilder office, RouteGroupBuilder employers, RouteGroupBuilder open)
    {
        signedIn.MapGet("/applications/{id:guid}", async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> (Guid id, QueriesHandler handler, CancellationToken ct) =>
            {
                var result = await handler.GetAsync(id, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("GetRecognition")
            .WithSummary("One recognition (the talent, the talent office, its panel's experts, the recognising enterprise)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        signedIn.MapGet("/applications/{id:guid}/evidence/{documentId:guid}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, Guid documentId, QueriesHandler handler, CancellationToken ct) =>
            {
                var document = await handler.EvidenceAsync(id, documentId, ct);
                return document is null ? RecognitionErrors.NotFound.ToProblem() : TypedResults.File(document.Content, document.ContentType, document.FileName);
            })
            .WithName("DownloadRecognitionEvidence")
            .WithSummary("Download an evidence document (audited)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        signedIn.MapGet("/me", async Task<Results<Ok<IReadOnlyList<ApplicationRow>>, ProblemHttpResult>> (QueriesHandler handler, CancellationToken ct) =>
            {
                var result = await handler.MineAsync(ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("ListMyRecognitions")
            .WithSummary("The signed-in talent's recognitions")
            .ProducesProblem(StatusCodes.Status404NotFound);
        office.MapGet("/applications", async (string? status, string? path, string? q, int? page, int? size, QueriesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.QueueAsync(status, path, q, new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct)))
            .WithName("ListRecognitions")
            .WithSummary("The talent office's queue (filter by status and path; search by number or talent id)")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        employers.MapGet("/self-recognitions", async (int? page, int? size, QueriesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.EmployerAsync(new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct)))
            .WithName("ListSelfRecognitions")
            .WithSummary("The enterprise's own self-recognitions (enterprise contact)")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        open.MapGet("/certificates/{number}", async Task<Results<Ok<CertificateCheck>, ProblemHttpResult>> (string number, QueriesHandler handler, CancellationToken ct) =>
            {
                var check = await handler.CheckAsync(number, ct);
                return check is null ? RecognitionErrors.NotFound.ToProblem() : TypedResults.Ok(check);
            })
            .WithName("CheckRecognitionCertificate")
            .WithSummary("Public check of a certificate number: in force or revoked, level, masked name, ledger digest and index")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
