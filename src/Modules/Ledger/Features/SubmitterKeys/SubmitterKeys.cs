using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Ledger.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Ledger.Features.SubmitterKeys;

internal sealed record RegisterSubmitterKeyRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    public Guid? OrganisationId { get; init; }

    /// <summary>Base64 of the 32-byte Ed25519 public key.</summary>
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(60, ErrorMessage = "最多60个字符 / At most 60 characters.")]
    public string? PublicKey { get; init; }
}

internal sealed record SubmitterKeyView(string KeyId, Guid OrganisationId, string OrganisationCode, string Algorithm, string PublicKey, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>
/// Partner organisations' Ed25519 keys for signing the entries they submit. Registered by the operator or the
/// talent office (out of band, after the partner hands over its public key); key id = hex of the first 8 bytes of
/// SHA-256(public key). Partner staff see their own organisation's keys.
/// </summary>
internal sealed class SubmitterKeysHandler(LedgerDbContext db, IOrganisationDirectory organisations, ICurrentUser user, TimeProvider clock)
{
    public const string Algorithm = "ed25519";

    public static string KeyIdOf(byte[] publicKey) => Convert.ToHexStringLower(SHA256.HashData(publicKey).AsSpan(0, 8));

    public async Task<Result<SubmitterKeyView>> RegisterAsync(RegisterSubmitterKeyRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(request.PublicKey!);
        }
        catch (FormatException)
        {
            return LedgerErrors.PublicKeyInvalid;
        }

        if (key.Length != 32)
        {
            return LedgerErrors.PublicKeyInvalid;
        }

        var organisation = await organisations.GetAsync(request.OrganisationId!.Value, ct);
        if (organisation is not { Kind: OrganisationKind.Partner, IsActive: true })
        {
            return LedgerErrors.OrganisationNotPartner;
        }

        var keyId = KeyIdOf(key);
        if (await db.SubmitterKeys.AnyAsync(k => k.KeyId == keyId, ct))
        {
            return LedgerErrors.SubmitterKeyExists;
        }

        var row = new SubmitterKeyRow
        {
            KeyId = keyId,
            OrganisationId = organisation.Id,
            OrganisationCode = organisation.Code,
            Algorithm = Algorithm,
            PublicKey = key,
            CreatedAt = clock.GetUtcNow(),
        };
        db.SubmitterKeys.Add(row);
        await db.SaveChangesAsync(ct);
        return View(row);
    }

    public async Task<IReadOnlyList<SubmitterKeyView>> ListAsync(CancellationToken ct)
    {
        var query = db.SubmitterKeys.AsNoTracking();
        if (!user.IsInAnyRole(Roles.Operator, Roles.TalentOffice, Roles.Auditor))
        {
            var organisation = user.OrganisationId ?? Guid.Empty;
            query = query.Where(k => k.OrganisationId == organisation);
        }

        var rows = await query.OrderBy(k => k.OrganisationCode).ThenBy(k => k.KeyId).ToListAsync(ct);
        return rows.Select(View).ToList();
    }

    private static SubmitterKeyView View(SubmitterKeyRow k) =>
        new(k.KeyId, k.OrganisationId, k.OrganisationCode, k.Algorithm, Convert.ToBase64String(k.PublicKey), k.CreatedAt, k.RevokedAt);

    public static void Map(RouteGroupBuilder ledger)
    {
        ledger.MapPost("/submitter-keys", async Task<Results<Created<SubmitterKeyView>, ProblemHttpResult>> (RegisterSubmitterKeyRequest request, SubmitterKeysHandler handler, CancellationToken ct) =>
            {
                var result = await handler.RegisterAsync(request, ct);
                return result.IsSuccess ? TypedResults.Created($"/api/v1/ledger/submitter-keys/{result.Value.KeyId}", result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Operator, Roles.TalentOffice))
            .WithName("RegisterLedgerSubmitterKey")
            .WithSummary("Register a partner organisation's Ed25519 public key for signing ledger submissions (operator, talent office)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        ledger.MapGet("/submitter-keys", async Task<Ok<IReadOnlyList<SubmitterKeyView>>> (SubmitterKeysHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Operator, Roles.TalentOffice, Roles.Auditor, Roles.PartnerStaff))
            .WithName("ListLedgerSubmitterKeys")
            .WithSummary("Registered submitter keys (partner staff: their own organisation's)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
