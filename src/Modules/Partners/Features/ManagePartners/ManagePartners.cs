using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Partners.ApiSecurity;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.Modules.Partners.Domain;
using TalentPass.Modules.Partners.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Partners.Features.ManagePartners;

internal sealed record PartnerView(
    Guid OrganisationId,
    string Code,
    string Name,
    string Kind,
    string Status,
    string LicenceCode,
    string ContactName,
    string ContactPhone,
    string? ContactEmail,
    string AgreementDigest,
    long? AgreementLedgerIndex,
    int? RateLimitPerMinute,
    int EffectiveRateLimitPerMinute,
    DateTimeOffset OnboardedAt,
    DateTimeOffset StatusChangedAt,
    string? StatusReason,
    int Version);

internal sealed record StatusChangeView(Guid Id, string FromStatus, string ToStatus, string Reason, DateTimeOffset ChangedAt, string DocumentDigest, long? LedgerIndex);

internal sealed record PartnerDetails(PartnerView Partner, IReadOnlyList<StatusChangeView> History);

internal sealed record OnboardConsumerRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(100, ErrorMessage = "最多100个字符 / At most 100 characters.")]
    public string? Name { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [RegularExpression("^[a-z0-9][a-z0-9-]{2,47}$", ErrorMessage = "3–48位小写字母、数字或“-” / 3–48 of a–z, 0–9, '-'.")]
    public string? Code { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    public string? LicenceCode { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(50, ErrorMessage = "最多50个字符 / At most 50 characters.")]
    public string? ContactName { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [RegularExpression(@"^[0-9+\- ]{5,20}$", ErrorMessage = "5–20位数字 / 5–20 digits.")]
    public string? ContactPhone { get; init; }

    [EmailAddress(ErrorMessage = "邮箱格式不正确 / Not an e-mail address.")]
    public string? ContactEmail { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [RegularExpression("^[a-z0-9._-]{3,64}$", ErrorMessage = "3–64位小写字母、数字或 . _ - / 3–64 of a–z, 0–9, '.', '_', '-'.")]
    public string? StaffUsername { get; init; }

    /// <summary>The operating agreement under which the operator onboards the consumer partner (Base64 of the signed document).</summary>
    [Required(ErrorMessage = "必填 / Required.")]
    public string? AgreementBase64 { get; init; }
}

internal sealed record ChangePartnerStatusRequest(string? Action, string? Reason, int? Version);

internal sealed record SetRateLimitRequest(int? PerMinute);

/// <summary>The partner list and its actions for the talent office and the operator (read: also the big-data bureau).</summary>
internal sealed class ManagePartnersHandler(
    PartnersDbContext db,
    ICurrentUser user,
    PartnerOnboarding onboarding,
    PartnerStatusService statuses,
    PartnerApiCache cache,
    IAuditTrail audit,
    IOptions<PartnersOptions> options)
{
    public static readonly string[] Readers = [Roles.TalentOffice, Roles.Operator, Roles.BigDataBureau];

    public bool CanRead => user.IsInAnyRole(Readers);

    public bool CanOnboardConsumers => user.IsInRole(Roles.Operator);

    public bool CanChangeStatus(string kind) => statuses.CanChange(kind);

    public async Task<Result<Page<PartnerView>>> SearchAsync(string? q, string? kind, string? status, PageRequest page, CancellationToken ct)
    {
        if (!CanRead)
        {
            return PartnersErrors.Forbidden;
        }

        var query = db.Partners.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(kind))
        {
            query = query.Where(p => p.Kind == kind.Trim());
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            query = query.Where(p => p.Status == status.Trim());
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
            query = query.Where(p => p.Name.ToLower().Contains(term) || p.Code.Contains(term) || p.LicenceCode.ToLower().Contains(term));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(p => p.Code).Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        return new Page<PartnerView>(rows.Select(ToView).ToList(), page.SafePage, page.SafeSize, total);
    }

    public async Task<Result<PartnerDetails>> GetAsync(Guid organisationId, CancellationToken ct)
    {
        if (!CanRead)
        {
            return PartnersErrors.Forbidden;
        }

        var row = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.OrganisationId == organisationId, ct);
        if (row is null)
        {
            return PartnersErrors.PartnerNotFound;
        }

        var history = await db.StatusChanges.AsNoTracking().Where(s => s.OrganisationId == organisationId).ToListAsync(ct);
        return new PartnerDetails(
            ToView(row),
            history.OrderByDescending(s => s.ChangedAt).Select(s => new StatusChangeView(s.Id, s.FromStatus, s.ToStatus, s.Reason, s.ChangedAt, s.DocumentDigest, s.LedgerIndex)).ToList());
    }

    public async Task<Result<OnboardingResult>> OnboardConsumerAsync(OnboardConsumerRequest request, CancellationToken ct)
    {
        if (!CanOnboardConsumers)
        {
            return PartnersErrors.Forbidden;
        }

        if (RequestValidation.Validate(request, "partners.onboarding_invalid") is { } invalid)
        {
            return invalid;
        }

        var licence = request.LicenceCode!.Trim().ToUpperInvariant();
        if (!PartnerRules.IsValidLicenceCode(licence))
        {
            return PartnersErrors.LicenceCodeInvalid;
        }

        byte[] agreement;
        try
        {
            agreement = Convert.FromBase64String(request.AgreementBase64!);
        }
        catch (FormatException)
        {
            return PartnersErrors.AgreementMissing;
        }

        if (agreement.Length is 0 or > PartnerRules.MaxFileBytes)
        {
            return PartnersErrors.AgreementMissing;
        }

        return await onboarding.OnboardAsync(
            new OnboardingDraft(
                PartnerKinds.Consumer,
                request.Code!.Trim(),
                request.Name!.Trim(),
                licence,
                request.ContactName!.Trim(),
                request.ContactPhone!.Trim(),
                string.IsNullOrWhiteSpace(request.ContactEmail) ? null : request.ContactEmail.Trim(),
                request.StaffUsername!.Trim(),
                Convert.ToHexStringLower(SHA256.HashData(agreement)),
                null),
            null,
            ct);
    }

    public async Task<Result<PartnerView>> ChangeStatusAsync(Guid organisationId, ChangePartnerStatusRequest request, CancellationToken ct)
    {
        var changed = await statuses.ChangeAsync(organisationId, request.Action?.Trim().ToLowerInvariant(), request.Reason, request.Version, ct);
        if (!changed.IsSuccess)
        {
            return changed.Error;
        }

        var row = await db.Partners.AsNoTracking().SingleAsync(p => p.OrganisationId == organisationId, ct);
        return ToView(row);
    }

    public async Task<Result<PartnerView>> SetRateLimitAsync(Guid organisationId, SetRateLimitRequest request, CancellationToken ct)
    {
        if (!user.IsInAnyRole(Roles.TalentOffice, Roles.Operator))
        {
            return PartnersErrors.Forbidden;
        }

        if (request.PerMinute is < 1 or > 1_000_000)
        {
            return PartnersErrors.RateLimitInvalid;
        }

        var row = await db.Partners.SingleOrDefaultAsync(p => p.OrganisationId == organisationId, ct);
        if (row is null)
        {
            return PartnersErrors.PartnerNotFound;
        }

        row.RateLimitPerMinute = request.PerMinute;
        row.Version++;
        await db.SaveChangesAsync(ct);
        cache.InvalidatePartner(organisationId);
        await audit.RecordAsync(new AuditRecord("partners.rate_limit_changed", "organisation", organisationId.ToString(), $"code={row.Code}; perMinute={request.PerMinute?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"}"), ct);
        return ToView(row);
    }

    private PartnerView ToView(PartnerRow p) => new(
        p.OrganisationId,
        p.Code,
        p.Name,
        p.Kind,
        p.Status,
        p.LicenceCode,
        p.ContactName,
        p.ContactPhone,
        p.ContactEmail,
        p.AgreementDigest,
        p.AgreementLedgerIndex,
        p.RateLimitPerMinute,
        p.RateLimitPerMinute ?? options.Value.RateLimitPerMinute,
        p.OnboardedAt,
        p.StatusChangedAt,
        p.StatusReason,
        p.Version);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var partners = endpoints.MapGroup("/api/v1/partners").WithTags("Partner onboarding").RequireAuthorization(p => p.RequireRole(Readers));

        partners.MapGet("/", async Task<Results<Ok<Page<PartnerView>>, ProblemHttpResult>> (string? q, string? kind, string? status, int? page, int? size, ManagePartnersHandler handler, CancellationToken ct) =>
            {
                var result = await handler.SearchAsync(q, kind, status, new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("SearchPartners")
            .WithSummary("Onboarded partners; q searches name, code and licence code; kind financial|consumer; status active|suspended|left")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        partners.MapGet("/{id:guid}", async Task<Results<Ok<PartnerDetails>, ProblemHttpResult>> (Guid id, ManagePartnersHandler handler, CancellationToken ct) =>
            {
                var result = await handler.GetAsync(id, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("GetPartner")
            .WithSummary("One partner with its status history (each decision with its evidence digest and ledger index)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        partners.MapPost("/consumer", async Task<Results<Ok<OnboardingResult>, ProblemHttpResult>> (OnboardConsumerRequest request, ManagePartnersHandler handler, CancellationToken ct) =>
            {
                var result = await handler.OnboardConsumerAsync(request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("OnboardConsumerPartner")
            .WithSummary("The operator onboards a consumer partner under its operating agreement. The staff password and the key secret are in this answer ONLY")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        partners.MapPost("/{id:guid}/status", async Task<Results<Ok<PartnerView>, ProblemHttpResult>> (Guid id, ChangePartnerStatusRequest request, ManagePartnersHandler handler, CancellationToken ct) =>
            {
                var result = await handler.ChangeStatusAsync(id, request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("ChangePartnerStatus")
            .WithSummary("action suspend|reinstate|leave with a reason (talent office; operator for consumer partners). Recorded as evidence; cards follow")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        partners.MapPut("/{id:guid}/rate-limit", async Task<Results<Ok<PartnerView>, ProblemHttpResult>> (Guid id, SetRateLimitRequest request, ManagePartnersHandler handler, CancellationToken ct) =>
            {
                var result = await handler.SetRateLimitAsync(id, request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("SetPartnerRateLimit")
            .WithSummary("Set the partner's requests per minute (null: the default Partners:RateLimitPerMinute)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
