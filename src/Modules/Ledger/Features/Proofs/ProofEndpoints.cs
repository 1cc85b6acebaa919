using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Ledger.Features.Checkpoints;
using TalentPass.SharedKernel;
using TalentPass.Tlog;

namespace TalentPass.Modules.Ledger.Features.Proofs;

internal sealed record VerifierKeys(string Origin, string HashProfile, IReadOnlyList<string> LogKeys, IReadOnlyList<WitnessKey> Witnesses, int WitnessQuorum);

internal sealed record WitnessKey(string Name, string VerifierKey, string? Url);

internal sealed record CheckpointPublished(long Size, string Checkpoint, int Cosignatures, DateTimeOffset PublishedAt);

/// <summary>Public proof endpoints (anonymous: anyone may check the log) and on-demand checkpoints (staff).</summary>
internal static class ProofEndpoints
{
    public static void Map(RouteGroupBuilder ledger)
    {
        ledger.MapGet("/verifier-key", async Task<Results<Ok<VerifierKeys>, ProblemHttpResult>> (LedgerKeyRing keys, IOptions<LedgerOptions> options, CancellationToken ct) =>
            {
                var o = options.Value;
                var logKeys = await keys.VerifierKeysAsync(ct);
                return logKeys.Count == 0
                    ? LedgerErrors.NoSigningKey.ToProblem()
                    : TypedResults.Ok(new VerifierKeys(o.Origin, o.HashProfile, logKeys,
                        o.Witnesses.Select(w => new WitnessKey(w.Name, w.VerifierKey, w.Url?.ToString())).ToList(), o.WitnessQuorum));
            })
            .AllowAnonymous()
            .WithName("GetLedgerVerifierKey")
            .WithSummary("The log's signed-note verifier key(s), origin, hash profile and the witnesses' keys with the k-of-n quorum")
            .ProducesProblem(StatusCodes.Status404NotFound);

        ledger.MapGet("/entries/{index:long}/proof", async Task<Results<Ok<InclusionProof>, ProblemHttpResult>> (long index, ProofService proofs, CancellationToken ct) =>
            {
                var result = await proofs.InclusionAsync(index, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value.Proof) : result.Error.ToProblem();
            })
            .AllowAnonymous()
            .WithName("GetLedgerInclusionProof")
            .WithSummary("Inclusion proof of an entry to the latest published checkpoint (publishes one on demand)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        ledger.MapGet("/entries/{index:long}/bundle", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (long index, ProofService proofs, CancellationToken ct) =>
            {
                var result = await proofs.InclusionAsync(index, ct);
                if (!result.IsSuccess)
                {
                    return result.Error.ToProblem();
                }

                var (_, entry, checkpoint, hashes) = result.Value;
                var note = SignedNote.TryParse(checkpoint.Text, out var parsed, out var error) ? parsed : throw new InvalidOperationException(error);
                var bundle = new TlogProof(index, hashes, note, entry).ToString();
                return TypedResults.File(Encoding.UTF8.GetBytes(bundle), "text/plain; charset=utf-8", $"ledger-entry-{index}.tlog-proof");
            })
            .AllowAnonymous()
            .WithName("DownloadLedgerProofBundle")
            .WithSummary("Offline proof bundle (C2SP tlog-proof, entry bytes in 'extra') to hand to a court or partner")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        ledger.MapGet("/consistency", async Task<Results<Ok<ConsistencyProof>, ProblemHttpResult>> (long from, long to, ProofService proofs, CancellationToken ct) =>
            {
                var result = await proofs.ConsistencyAsync(from, to, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .AllowAnonymous()
            .WithName("GetLedgerConsistencyProof")
            .WithSummary("Consistency proof between two tree sizes (both at most the latest published checkpoint)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        ledger.MapPost("/checkpoints", async Task<Results<Ok<CheckpointPublished>, ProblemHttpResult>> (CheckpointPublisher publisher, CancellationToken ct) =>
            {
                var published = await publisher.PublishAsync(force: true, ct);
                return published is null
                    ? LedgerErrors.NoCheckpoint.ToProblem()
                    : TypedResults.Ok(new CheckpointPublished(published.Size, published.Text, published.Cosignatures, published.PublishedAt));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Operator, Roles.TalentOffice))
            .WithName("PublishLedgerCheckpoint")
            .WithSummary("Publish a checkpoint of the current tree now (operator, talent office)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
