using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Codes.Features.Keys;

namespace TalentPass.Modules.Codes.Features.Publishing;

/// <summary>The root public key (SubjectPublicKeyInfo, base64) that verifiers pin.</summary>
internal sealed record RootKeyResponse(string Profile, string KeyId, string PublicKey);

/// <summary>Ids of the status lists in use.</summary>
internal sealed record StatusListIdsResponse(IReadOnlyList<int> Ids);

/// <summary>What offline verifiers download, anonymously: root key, trust list, status lists (application/cose).</summary>
internal static class PublishingEndpoints
{
    public const string CoseMediaType = "application/cose";

    public static void Map(RouteGroupBuilder codes)
    {
        codes.MapGet("/root-key", async Task<Ok<RootKeyResponse>> (KeyRing keys, CancellationToken ct) =>
            {
                var current = await keys.CurrentAsync(ct);
                var root = current.Keys.Values.Single(k => k.KeyId == current.RootKeyId);
                return TypedResults.Ok(new RootKeyResponse(root.Key.Profile, root.KeyId, Convert.ToBase64String(root.Key.SubjectPublicKeyInfo.Span)));
            })
            .AllowAnonymous()
            .WithName("GetRootKey")
            .WithSummary("The root public key that signs the trust list (pin it in the verifier)")
            .ProducesProblem(StatusCodes.Status404NotFound); // http.not_found, like any unknown path

        codes.MapGet("/trust-list", async Task<FileContentHttpResult> (HttpContext context, ListPublisher publisher, CancellationToken ct) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=60";
                return TypedResults.File(await publisher.TrustListAsync(ct), CoseMediaType);
            })
            .AllowAnonymous()
            .WithName("GetTrustList")
            .WithSummary("The signed trust list of issuer public keys (COSE_Sign1 by the root key)")
            .Produces(StatusCodes.Status200OK, contentType: CoseMediaType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        codes.MapGet("/status-lists", async Task<Ok<StatusListIdsResponse>> (ListPublisher publisher, CancellationToken ct) =>
                TypedResults.Ok(new StatusListIdsResponse(await publisher.StatusListIdsAsync(ct))))
            .AllowAnonymous()
            .WithName("ListStatusLists")
            .WithSummary("Ids of the status lists in use")
            .ProducesProblem(StatusCodes.Status404NotFound);

        codes.MapGet("/status-lists/{id:int}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (int id, HttpContext context, ListPublisher publisher, CancellationToken ct) =>
            {
                var signed = await publisher.StatusListAsync(id, ct);
                if (signed is null)
                {
                    return CodesErrors.StatusListNotFound.ToProblem();
                }

                context.Response.Headers.CacheControl = "public, max-age=30";
                return TypedResults.File(signed, CoseMediaType);
            })
            .AllowAnonymous()
            .WithName("GetStatusList")
            .WithSummary("A signed status list (2 bits per entry, gzip; COSE_Sign1 by an issuer key)")
            .Produces(StatusCodes.Status200OK, contentType: CoseMediaType)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
