using Microsoft.Extensions.Options;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Modules.Ledger.Domain;
using TalentPass.Modules.Ledger.Sequencing;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Ledger.Features.Append;

/// <summary><see cref="ILedger"/> for other modules: validate the draft, build the canonical entry, append it durably.</summary>
internal sealed class LedgerService(LedgerAppender appender, IOptions<LedgerOptions> options, TimeProvider clock) : ILedger
{
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(10);

    public async Task<Result<LedgerAppended>> AppendAsync(LedgerEntryDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Source is null || draft.Source.Length is 0 or > 40 || !draft.Source.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            return LedgerErrors.SourceInvalid;
        }

        var built = Build(draft.Kind, draft.DocumentDigest, draft.Parties, "talentpass:" + draft.Source, draft.Time, draft.Reference, null);
        return built.IsSuccess ? await AppendAsync(built.Value, cancellationToken) : built.Error;
    }

    /// <summary>Validates fields into a canonical entry (without appending).</summary>
    public Result<LedgerEntry> Build(string? kind, string? digest, IReadOnlyList<string>? parties, string submitter, DateTimeOffset? time, string? reference, SubmitterSignature? signature)
    {
        var now = clock.GetUtcNow();
        var when = time ?? now;
        if (when > now + MaxClockSkew)
        {
            return LedgerErrors.TimeInvalid;
        }

        var entry = LedgerEntry.Create(kind, digest, parties, submitter, when, reference, signature);
        if (!entry.IsSuccess)
        {
            return entry.Error;
        }

        return entry.Value.Canonical.Length > options.Value.MaxEntryBytes ? LedgerErrors.EntryTooLarge : entry;
    }

    public async Task<Result<LedgerAppended>> AppendAsync(LedgerEntry entry, CancellationToken cancellationToken) =>
        await appender.AppendAsync(entry, cancellationToken);
}
