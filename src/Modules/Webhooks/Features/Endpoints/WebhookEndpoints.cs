using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Http;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Webhooks.Domain;
using TalentPass.Modules.Webhooks.Features.Delivery;
using TalentPass.Modules.Webhooks.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Webhooks.Features.Endpoints;

internal sealed record SaveEndpointRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(2000, ErrorMessage = "最多2000个字符 / At most 2000 characters.")]
    public string? Url { get; init; }

    public bool Enabled { get; init; } = true;

    /// <summary>The version read before editing (optional; refused with 409 when someone changed it meanwhile).</summary>
    public int? Version { get; init; }
}

internal sealed record RotateSecretRequest
{
    /// <summary>Hours the previous secret keeps signing beside the new one (default <c>Webhooks:SecretOverlap</c>; 0 = none).</summary>
    [Range(0, 168, ErrorMessage = "0–168 小时 / 0–168 hours.")]
    public int? OverlapHours { get; init; }
}

internal sealed record EndpointView(
    Guid PartnerOrganisationId,
    string PartnerName,
    string Url,
    bool Enabled,
    DateTimeOffset SecretCreatedAt,
    DateTimeOffset? PreviousSecretExpiresAt,
    DateTimeOffset UpdatedAt,
    int Version);

/// <param name="Secret">The signing secret — returned only when it is created or rotated, never again.</param>
internal sealed record EndpointSaved(EndpointView Endpoint, string? Secret);

internal sealed record SecretRotated(string Secret, DateTimeOffset CreatedAt, DateTimeOffset? PreviousSecretExpiresAt);

/// <summary>A partner's own webhook endpoint (partner API and portal) and the talent office's read-only list.</summary>
internal sealed class WebhookEndpointsHandler(
    WebhooksDbContext db,
    ICurrentUser user,
    IFieldProtector protector,
    DestinationGuard guard,
    IOrganisationDirectory organisations,
    IAuditTrail audit,
    IOptions<WebhooksOptions> options,
    DispatchSignal signal,
    TimeProvider clock)
{
    public static readonly string[] OfficeRoles = [Roles.TalentOffice, Roles.Operator];

    public Result<Guid> CurrentPartner() =>
        user.IsInRole(Roles.PartnerStaff) && user.OrganisationId is { } org ? org : WebhooksErrors.NotPartner;

    public async Task<Result<EndpointView>> GetAsync(CancellationToken ct)
    {
        var partner = CurrentPartner();
        if (!partner.IsSuccess)
        {
            return partner.Error!;
        }

        var row = await db.Endpoints.AsNoTracking().FirstOrDefaultAsync(e => e.PartnerOrganisationId == partner.Value, ct);
        return row is null ? WebhooksErrors.EndpointNotFound : await ViewAsync(row, ct);
    }

    public async Task<Result<EndpointSaved>> SaveAsync(SaveEndpointRequest request, CancellationToken ct)
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

        var url = request.Url!.Trim();
        if (!DestinationGuard.IsWellFormed(url, out var uri))
        {
            return WebhooksErrors.UrlInvalid;
        }

        if ((await guard.ResolveAllowedAsync(uri!.Host, ct)).Length == 0)
        {
            return WebhooksErrors.UrlNotAllowed;
        }

        var now = clock.GetUtcNow();
        var row = await db.Endpoints.FirstOrDefaultAsync(e => e.PartnerOrganisationId == partner.Value, ct);
        string? secret = null;
        if (row is null)
        {
            secret = WebhookSigner.NewSecret();
            row = new EndpointRow
            {
                PartnerOrganisationId = partner.Value,
                SecretCipher = protector.Protect(secret),
                SecretCreatedAt = now,
                CreatedAt = now,
                Version = 0,
            };
            db.Endpoints.Add(row);
        }
        else if (request.Version is { } expected && expected != row.Version)
        {
            return WebhooksErrors.VersionConflict;
        }

        row.Url = uri.AbsoluteUri;
        row.Enabled = request.Enabled;
        row.UpdatedAt = now;
        row.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return WebhooksErrors.VersionConflict; // a concurrent edit or first save of the same partner
        }

        await audit.RecordAsync(new AuditRecord(secret is null ? "webhooks.endpoint_changed" : "webhooks.endpoint_created", "partner", partner.Value.ToString(), $"enabled={row.Enabled}"), ct);
        signal.Wake();
        return new EndpointSaved(await ViewAsync(row, ct), secret);
    }

    public async Task<Result<SecretRotated>> RotateSecretAsync(RotateSecretRequest request, CancellationToken ct)
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

        var row = await db.Endpoints.FirstOrDefaultAsync(e => e.PartnerOrganisationId == partner.Value, ct);
        if (row is null)
        {
            return WebhooksErrors.EndpointNotFound;
        }

        var now = clock.GetUtcNow();
        var overlap = request.OverlapHours is { } hours ? TimeSpan.FromHours(hours) : options.Value.SecretOverlap;
        var secret = WebhookSigner.NewSecret();
        row.PreviousSecretCipher = overlap > TimeSpan.Zero ? row.SecretCipher : null;
        row.PreviousSecretExpiresAt = overlap > TimeSpan.Zero ? now + overlap : null;
        row.SecretCipher = protector.Protect(secret);
        row.SecretCreatedAt = now;
        row.UpdatedAt = now;
        row.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WebhooksErrors.VersionConflict;
        }

        await audit.RecordAsync(new AuditRecord("webhooks.secret_rotated", "partner", partner.Value.ToString(), $"overlap={overlap.TotalHours:0}h"), ct);
        return new SecretRotated(secret, now, row.PreviousSecretExpiresAt);
    }

    /// <summary>Every partner's endpoint (talent office, operator).</summary>
    public async Task<Result<IReadOnlyList<EndpointView>>> ListAsync(CancellationToken ct)
    {
        if (!user.IsInAnyRole(OfficeRoles))
        {
            return Error.Forbidden("auth.forbidden", "无权查看 / Not allowed.");
        }

        var rows = await db.Endpoints.AsNoTracking().OrderBy(e => e.PartnerOrganisationId).ToListAsync(ct);
        var views = new List<EndpointView>(rows.Count);
        foreach (var row in rows)
        {
            views.Add(await ViewAsync(row, ct));
        }

        return views;
    }

    private async Task<EndpointView> ViewAsync(EndpointRow row, CancellationToken ct)
    {
        var org = await organisations.GetAsync(row.PartnerOrganisationId, ct);
        return new EndpointView(row.PartnerOrganisationId, org?.Name ?? row.PartnerOrganisationId.ToString(), row.Url, row.Enabled, row.SecretCreatedAt,
            row.PreviousSecretExpiresAt, row.UpdatedAt, row.Version);
    }

    public static void MapPartner(RouteGroupBuilder partner)
    {
        partner.MapGet("/endpoint", async Task<Results<Ok<EndpointView>, ProblemHttpResult>> (WebhookEndpointsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.GetAsync(ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
            })
            .WithName("GetWebhookEndpoint")
            .WithSummary("The calling partner's webhook endpoint (URL, enabled, when the secret was created; never the secret)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        partner.MapPut("/endpoint", async Task<Results<Ok<EndpointSaved>, ProblemHttpResult>> (SaveEndpointRequest request, WebhookEndpointsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.SaveAsync(request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
            })
            .WithName("SaveWebhookEndpoint")
            .WithSummary("Create or change the calling partner's webhook endpoint; on creation the signing secret is returned once")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        partner.MapPost("/endpoint/rotate-secret", async Task<Results<Ok<SecretRotated>, ProblemHttpResult>> (RotateSecretRequest request, WebhookEndpointsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.RotateSecretAsync(request, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
            })
            .WithName("RotateWebhookSecret")
            .WithSummary("Issue a new signing secret (returned once); the previous one keeps signing beside it for the overlap")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static void MapOffice(RouteGroupBuilder office)
    {
        office.MapGet("/endpoints", async Task<Results<Ok<IReadOnlyList<EndpointView>>, ProblemHttpResult>> (WebhookEndpointsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.ListAsync(ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
            })
            .WithName("ListWebhookEndpoints")
            .WithSummary("Every partner's webhook endpoint (talent office, operator)")
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
