using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Modules.Recognition.Domain;
using TalentPass.Modules.Recognition.Features.Shared;
using TalentPass.Modules.Recognition.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Recognition.Features.Apply;

/// <summary>An evidence document in a JSON request (base64 content, at most 2 MB).</summary>
internal sealed record EvidenceUpload
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(200, ErrorMessage = "最多200个字符 / At most 200 characters.")]
    public string? FileName { get; init; }

    [StringLength(100, ErrorMessage = "最多100个字符 / At most 100 characters.")]
    public string? ContentType { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    public string? ContentBase64 { get; init; }
}

internal sealed record ApplyRequest
{
    /// <summary>Staff filing for a talent (一窗受理); a talent applies for themself and leaves it empty.</summary>
    public Guid? TalentId { get; init; }

    /// <summary><c>standard</c> or <c>expert_review</c>.</summary>
    [Required(ErrorMessage = "必填 / Required.")]
    public string? Path { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    public string? Level { get; init; }

    /// <summary>Criterion codes of the catalogue (required by standard).</summary>
    public IReadOnlyList<string>? Criteria { get; init; }

    [StringLength(2000, ErrorMessage = "最多2000个字符 / At most 2000 characters.")]
    public string? Statement { get; init; }

    /// <summary>Where the certificate is mailed (kept encrypted).</summary>
    [StringLength(200, ErrorMessage = "最多200个字符 / At most 200 characters.")]
    public string? MailAddress { get; init; }

    public IReadOnlyList<EvidenceUpload>? Evidence { get; init; }
}

/// <summary>An uploaded document after decoding.</summary>
internal sealed record EvidenceFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Applying for recognition by standard or by expert review, by the talent or by talent-office staff for the talent.
/// One open application per talent; the level must raise the talent; by standard, the cited criteria must support the
/// level; evidence documents are stored with their SHA-256; data-based criteria are matched on data sharing at once.
/// </summary>
internal sealed class ApplyHandler(
    RecognitionDbContext db,
    RecognitionAccess access,
    ITalentDirectory talents,
    CriteriaMatcher matcher,
    IFieldProtector protector,
    ApplicationViewBuilder views,
    TimeProvider clock)
{
    public const int MaxDocuments = 10;
    public const int MaxBytes = 2 * 1024 * 1024;

    public async Task<Result<ApplicationView>> HandleAsync(ApplyRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        var files = new List<EvidenceFile>();
        foreach (var upload in request.Evidence ?? [])
        {
            if (RequestValidation.Validate(upload) is not null)
            {
                return RecognitionErrors.EvidenceInvalid;
            }

            byte[] content;
            try
            {
                content = Convert.FromBase64String(upload.ContentBase64!);
            }
            catch (FormatException)
            {
                return RecognitionErrors.EvidenceInvalid;
            }

            files.Add(new EvidenceFile(upload.FileName!, upload.ContentType ?? "application/octet-stream", content));
        }

        return await SubmitAsync(request, files, ct);
    }

    public async Task<Result<ApplicationView>> SubmitAsync(ApplyRequest request, IReadOnlyList<EvidenceFile> files, CancellationToken ct)
    {
        TalentSummary? talent;
        var onBehalf = false;
        if (access.IsTalentOffice && request.TalentId is { } forTalent)
        {
            talent = await talents.GetAsync(forTalent, ct);
            if (talent is null)
            {
                return RecognitionErrors.TalentNotFound;
            }

            onBehalf = true;
        }
        else
        {
            talent = await access.MyTalentAsync(ct);
            if (talent is null)
            {
                return RecognitionErrors.NoProfile;
            }
        }

        var path = RecognitionPaths.Normalise(request.Path);
        if (path is null or RecognitionPaths.Employer)
        {
            return RecognitionErrors.PathUnknown;
        }

        var level = RecognitionLevels.Normalise(request.Level);
        if (level is null || !RecognitionLevels.IsGrantable(level))
        {
            return RecognitionErrors.LevelUnknown;
        }

        if (talent.Status != "active")
        {
            return RecognitionErrors.TalentNotActive;
        }

        if (!RecognitionLevels.Raises(talent.Level, level))
        {
            return RecognitionErrors.NotAnUpgrade;
        }

        var catalogue = CriteriaCatalogue.Current;
        var cited = new List<Criterion>();
        foreach (var code in (request.Criteria ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal))
        {
            if (catalogue.Find(code) is not { } criterion)
            {
                return RecognitionErrors.CriterionUnknown(code);
            }

            cited.Add(criterion);
        }

        if (path == RecognitionPaths.Standard)
        {
            if (cited.Count == 0)
            {
                return RecognitionErrors.CriteriaRequired;
            }

            if (!cited.Any(c => RecognitionLevels.Rank(c.Level) <= RecognitionLevels.Rank(level)))
            {
                return RecognitionErrors.CriteriaBelowLevel;
            }
        }

        var needsEvidence = path == RecognitionPaths.ExpertReview || cited.Any(c => c.DataSource is null);
        if (files.Count > MaxDocuments || files.Any(f => f.Content.Length is 0 or > MaxBytes))
        {
            return RecognitionErrors.EvidenceInvalid;
        }

        if (needsEvidence && files.Count == 0)
        {
            return RecognitionErrors.EvidenceRequired;
        }

        if (await db.Applications.AnyAsync(a => a.TalentId == talent.Id && RecognitionStatus.Open.Contains(a.Status), ct))
        {
            return RecognitionErrors.OpenApplicationExists;
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var application = new RecognitionApplication
        {
            Id = id,
            Number = $"RA-{BusinessTime.Today(clock).Year}-{RecognitionEffects.Suffix(id)}",
            TalentId = talent.Id,
            Path = path,
            Status = RecognitionStatus.Submitted,
            RequestedLevel = level,
            LevelAtSubmission = talent.Level,
            CatalogueVersion = catalogue.Version,
            Criteria = cited.Count == 0 ? null : string.Join(',', cited.Select(c => c.Code)),
            Statement = string.IsNullOrWhiteSpace(request.Statement) ? null : request.Statement.Trim(),
            EmployerOrganisationId = talent.EmployerOrganisationId,
            SubmittedBy = access.User.AccountId,
            SubmittedOnBehalf = onBehalf,
            SubmittedAt = now,
            MailAddressCipher = string.IsNullOrWhiteSpace(request.MailAddress) ? null : protector.Protect(request.MailAddress.Trim()),
            Version = 1,
        };
        db.Applications.Add(application);
        foreach (var file in files)
        {
            db.Evidence.Add(new EvidenceDocument
            {
                Id = Guid.CreateVersion7(now),
                ApplicationId = id,
                FileName = Path.GetFileName(file.FileName),
                ContentType = file.ContentType,
                SizeBytes = file.Content.Length,
                Sha256 = LedgerDigest.Sha256(file.Content),
                Content = file.Content,
                UploadedAt = now,
                UploadedBy = access.User.AccountId,
            });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // the partial unique index: another open application was filed at the same moment
            return RecognitionErrors.OpenApplicationExists;
        }

        if (path == RecognitionPaths.Standard)
        {
            var lookups = await matcher.MatchAsync(application, cited, ct);
            if (lookups.Count > 0)
            {
                db.Lookups.AddRange(lookups);
                var matchedLevels = lookups.Where(l => l.Matched == true).Select(l => catalogue.Find(l.CriterionCode)!.Level);
                application.RecommendedLevel = matchedLevels.Aggregate((string?)null, RecognitionLevels.Higher);
                if (application.RecommendedLevel is { } r && RecognitionLevels.Rank(r) < RecognitionLevels.Rank(level))
                {
                    application.RecommendedLevel = level; // never above what was applied for
                }

                await db.SaveChangesAsync(ct);
            }
        }

        return await views.BuildAsync(application, ct);
    }

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/applications", async Task<Results<Created<ApplicationView>, ProblemHttpResult>> (ApplyRequest request, ApplyHandler handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(request, ct);
                return result.IsSuccess ? TypedResults.Created($"/api/v1/recognition/applications/{result.Value.Id}", result.Value) : result.Error.ToProblem();
            })
            .WithName("ApplyForRecognition")
            .WithSummary("Apply for talent recognition by standard or by expert review (the talent, or talent-office staff for a talent)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
