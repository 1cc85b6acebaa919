using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Ledger.Domain;
using TalentPass.Modules.Ledger.Features.Append;
using TalentPass.Modules.Ledger.Persistence;
using TalentPass.SharedKernel;
using TalentPass.Tlog;

namespace TalentPass.Modules.Ledger.Features.SubmitEntry;

/// <summary>
/// A partner's entry. The server builds the canonical statement from these fields with <c>submitter</c> = the
/// caller's organisation code; <see cref="Signature"/> is the base64 Ed25519 signature by key <see cref="KeyId"/>
/// over <c>"talentpass-ledger-entry-v1\n" || statement</c> (README.md "Partner submissions").
/// </summary>
internal sealed record SubmitEntryRequest(
    string? Kind,
    string? Digest,
    IReadOnlyList<string>? Parties,
    DateTimeOffset? Time,
    string? Reference,
    string? KeyId,
    string? Signature);

internal sealed record EntrySubmitted(long Index, string EntryHash, bool AlreadyRecorded, string Entry, string ProofUrl);

internal sealed class SubmitEntryHandler(LedgerService ledger, LedgerDbContext db, IOrganisationDirectory organisations, ICurrentUser user)
{
    /// <summary>Largest request body accepted (bytes).</summary>
    public const int MaxBodyBytes = 16 * 1024;

    public async Task<Result<EntrySubmitted>> HandleAsync(SubmitEntryRequest request, CancellationToken ct)
    {
        var organisation = user.OrganisationId is { } id ? await organisations.GetAsync(id, ct) : null;
        if (organisation is not { Kind: OrganisationKind.Partner, IsActive: true })
        {
            return LedgerErrors.NoOrganisation;
        }

        if (request.Time is null)
        {
            return LedgerErrors.TimeInvalid;
        }

        var statement = ledger.Build(request.Kind, request.Digest, request.Parties, organisation.Code, request.Time, request.Reference, null);
        if (!statement.IsSuccess)
        {
            return statement.Error;
        }

        if (string.IsNullOrWhiteSpace(request.Signature) || string.IsNullOrWhiteSpace(request.KeyId))
        {
            return LedgerErrors.SignatureMissing;
        }

        var key = await db.SubmitterKeys.AsNoTracking()
            .SingleOrDefaultAsync(k => k.KeyId == request.KeyId && k.OrganisationId == organisation.Id && k.RevokedAt == null, ct);
        if (key is null)
        {
            return LedgerErrors.SubmitterKeyUnknown;
        }

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(request.Signature);
        }
        catch (FormatException)
        {
            return LedgerErrors.SignatureInvalid;
        }

        var verifier = NoteVerifier.Parse(NoteVerifier.NewEd25519VerifierKey("ledger-submitter", key.PublicKey));
        if (signature.Length != 64 || !verifier.Verify(statement.Value.SignedMessage, signature))
        {
            return LedgerErrors.SignatureInvalid;
        }

        var signed = ledger.Build(request.Kind, request.Digest, request.Parties, organisation.Code, request.Time, request.Reference,
            new SubmitterSignature(SubmitterKeysHandlerAlgorithm, key.KeyId, Convert.ToBase64String(signature)));
        if (!signed.IsSuccess)
        {
            return signed.Error;
        }

        var appended = await ledger.AppendAsync(signed.Value, ct);
        if (!appended.IsSuccess)
        {
            return appended.Error;
        }

        var stored = await db.Entries.AsNoTracking().Where(e => e.Index == appended.Value.Index).Select(e => e.Entry).SingleAsync(ct);
        return new EntrySubmitted(appended.Value.Index, appended.Value.EntryHash, appended.Value.AlreadyRecorded,
            System.Text.Encoding.ASCII.GetString(stored), $"/api/v1/ledger/entries/{appended.Value.Index}/proof");
    }

    private const string SubmitterKeysHandlerAlgorithm = SubmitterKeys.SubmitterKeysHandler.Algorithm;

    public static void Map(RouteGroupBuilder ledger)
    {
        ledger.MapPost("/entries", async Task<Results<Created<EntrySubmitted>, Ok<EntrySubmitted>, ProblemHttpResult>> (HttpRequest http, SubmitEntryHandler handler, CancellationToken ct) =>
            {
                if (http.ContentLength > MaxBodyBytes)
                {
                    return LedgerErrors.EntryTooLarge.ToProblem();
                }

                var body = new byte[MaxBodyBytes + 1];
                var length = 0;
                int read;
                while (length < body.Length && (read = await http.Body.ReadAsync(body.AsMemory(length), ct)) > 0)
                {
                    length += read;
                }

                if (length > MaxBodyBytes)
                {
                    return LedgerErrors.EntryTooLarge.ToProblem();
                }

                SubmitEntryRequest? request;
                try
                {
                    request = JsonSerializer.Deserialize<SubmitEntryRequest>(body.AsSpan(0, length), JsonSerializerOptions.Web);
                }
                catch (JsonException)
                {
                    request = null;
                }

                if (request is null)
                {
                    return Error.Validation("request.malformed", "请求体不是有效的 JSON / The request body is not valid JSON.").ToProblem();
                }

                var result = await handler.HandleAsync(request, ct);
                if (!result.IsSuccess)
                {
                    return result.Error.ToProblem();
                }

                return result.Value.AlreadyRecorded ? TypedResults.Ok(result.Value) : TypedResults.Created(result.Value.ProofUrl, result.Value);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.PartnerStaff))
            .Accepts<SubmitEntryRequest>("application/json")
            .WithName("SubmitLedgerEntry")
            .WithSummary("Record a partner-signed entry (partner staff); the same entry again returns its existing index (200)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
