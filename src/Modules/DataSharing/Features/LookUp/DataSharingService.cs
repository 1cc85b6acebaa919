using System.Text.Json;
using TalentPass.Infrastructure.Http;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.DataSharing.Contracts;
using TalentPass.Modules.DataSharing.Domain;
using TalentPass.Modules.DataSharing.Persistence;
using TalentPass.Modules.Talents.Contracts;

namespace TalentPass.Modules.DataSharing.Features.LookUp;

/// <summary>
/// <see cref="IDataSharing"/>: resolves the talent's ID number (audited by the registry with the purpose), asks the
/// source through <see cref="DataSharingConnector"/> and keeps every answer — found, not found or failed — in
/// <c>datasharing_answers</c> with the SHA-256 of the raw answer and the parsed fields encrypted.
/// </summary>
internal sealed class DataSharingService(
    DataSharingDbContext db,
    DataSharingConnector connector,
    ITalentPersonalData personalData,
    IFieldProtector protector,
    ICurrentUser user,
    TimeProvider clock) : IDataSharing
{
    private const int MaxPurposeLength = 200;

    public async Task<DataSharingAnswer> LookUpAsync(Guid talentId, string source, string purpose, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        purpose = string.IsNullOrWhiteSpace(purpose) ? "unspecified" : purpose.Trim();
        if (purpose.Length > MaxPurposeLength)
        {
            purpose = purpose[..MaxPurposeLength];
        }

        SourceAnswer answer;
        var requestId = Guid.NewGuid();
        if (!SourceSchemas.IsKnown(source))
        {
            answer = new SourceAnswer(DataSharingOutcome.Invalid, new Dictionary<string, string>(), null, EmptySha256, 0, "unknown_source", 0);
        }
        else if (await personalData.GetIdentityAsync(talentId, "datasharing:" + source + ":" + purpose, cancellationToken) is not { } identity)
        {
            answer = new SourceAnswer(DataSharingOutcome.Unavailable, new Dictionary<string, string>(), null, EmptySha256, 0, "talent_unknown", 0);
        }
        else
        {
            answer = await connector.QueryAsync(source, identity.IdNumber, purpose, requestId, cancellationToken);
        }

        var row = new AnswerRow
        {
            Id = Guid.CreateVersion7(now),
            Source = source,
            TalentId = talentId,
            Purpose = purpose,
            RequestedBy = user.AccountId,
            RequestId = requestId,
            RequestedAt = now,
            DurationMs = answer.DurationMs,
            Outcome = SourceSchemas.Code(answer.Outcome),
            HttpStatus = answer.HttpStatus,
            AnswerSha256 = answer.Sha256,
            AnswerBytes = answer.Bytes,
            FieldsCipher = answer.Fields.Count > 0 ? protector.Protect(JsonSerializer.Serialize(answer.Fields)) : null,
            Problem = answer.Problem,
        };
        db.Answers.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new DataSharingAnswer(row.Id, row.Source, answer.Outcome, answer.Fields, row.RequestedAt, row.AnswerSha256, row.Problem);
    }

    public async Task<DataSharingAnswer?> GetAnswerAsync(Guid answerId, CancellationToken cancellationToken = default)
    {
        var row = await db.Answers.FindAsync([answerId], cancellationToken);
        return row is null ? null : ToContract(row, protector);
    }

    internal static DataSharingAnswer ToContract(AnswerRow row, IFieldProtector protector) =>
        new(row.Id, row.Source, SourceSchemas.Parse(row.Outcome) ?? DataSharingOutcome.Invalid, Fields(row, protector), row.RequestedAt, row.AnswerSha256, row.Problem);

    internal static IReadOnlyDictionary<string, string> Fields(AnswerRow row, IFieldProtector protector) =>
        row.FieldsCipher is null
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(protector.Unprotect(row.FieldsCipher)) ?? [];

    /// <summary>SHA-256 of no bytes: the digest kept when nothing was asked or nothing came back.</summary>
    internal const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
}
