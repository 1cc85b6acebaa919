using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Modules.Policies.Domain;
using TalentPass.Modules.Policies.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Policies.Features.Manage;

/// <summary>
/// Policy versions and their approval trail: the talent office drafts and proposes; the joint meeting's review and
/// the leading group's approval are recorded with their minutes' digests; the approver is never the proposer.
/// Approved versions are immutable and recorded as <c>policy_approval</c> evidence; changes are new versions.
/// </summary>
internal sealed partial class PolicyWorkflow(
    PoliciesDbContext db,
    ICurrentUser user,
    IServiceProvider services,
    ILedger ledger,
    IAuditTrail audit,
    TimeProvider clock,
    ILogger<PolicyWorkflow> logger)
{
    public static readonly string[] Readers = [Roles.TalentOffice, Roles.Auditor, Roles.BigDataBureau, Roles.Operator, Roles.Department];

    public static readonly string[] Writers = [Roles.TalentOffice];

    private DateOnly Today => BusinessTime.Today(clock);

    /// <summary>All versions with their effective status (policy sets are few: filtered in memory).</summary>
    public async Task<IReadOnlyList<PolicySummary>> AllAsync(CancellationToken ct)
    {
        var rows = await db.Policies.AsNoTracking().ToListAsync(ct);
        var today = Today;
        return rows
            .Select(r => Summarise(r, SuccessorFrom(rows, r.Id), today))
            .OrderBy(s => s.Kind, StringComparer.Ordinal)
            .ThenBy(s => s.Label, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<Page<PolicySummary>> ListAsync(string? kind, string? status, string? q, PageRequest page, CancellationToken ct)
    {
        IEnumerable<PolicySummary> all = await AllAsync(ct);
        if (!string.IsNullOrWhiteSpace(kind))
        {
            all = all.Where(s => s.Kind == kind.Trim());
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            all = all.Where(s => s.Status == status.Trim() || s.Effective == status.Trim());
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            all = all.Where(s => s.Label.Contains(term, StringComparison.OrdinalIgnoreCase)
                || s.TitleZh.Contains(term, StringComparison.OrdinalIgnoreCase)
                || s.TitleEn.Contains(term, StringComparison.OrdinalIgnoreCase));
        }

        var list = all.ToList();
        return new Page<PolicySummary>(list.Skip(page.Skip).Take(page.SafeSize).ToList(), page.SafePage, page.SafeSize, list.Count);
    }

    /// <summary>Versions that are in force or scheduled, have no approved successor, and end within 60 days (or ended without one).</summary>
    public async Task<IReadOnlyList<PolicySummary>> ExpiringAsync(CancellationToken ct) =>
        (await AllAsync(ct))
            .Where(s => s.ExpiresInDays is { } d && d <= PolicyRules.WarningDays)
            .OrderBy(s => s.ValidTo)
            .ToList();

    public async Task<Result<PolicyView>> GetAsync(Guid id, CancellationToken ct)
    {
        var row = await db.Policies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (row is null)
        {
            return PoliciesErrors.NotFound;
        }

        var successors = await db.Policies.AsNoTracking().Where(p => p.SupersedesId == id).OrderBy(p => p.Label).ToListAsync(ct);
        var predecessor = row.SupersedesId is { } sid ? await db.Policies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == sid, ct) : null;
        var steps = await db.Steps.AsNoTracking().Where(s => s.PolicyId == id).ToListAsync(ct);
        var successorFrom = successors.Where(s => s.Status == PolicyStatus.Approved).Select(s => (DateOnly?)s.ValidFrom).Min();
        var summary = Summarise(row, successorFrom, Today);
        return new PolicyView(
            row.Id,
            row.Kind,
            row.Label,
            row.TitleZh,
            row.TitleEn,
            row.Summary,
            row.ValidFrom,
            row.ValidTo,
            row.DocumentDigest,
            row.Status,
            summary.Effective,
            row.IsDemo,
            summary.ExpiresInDays,
            predecessor is null ? null : new PolicyLink(predecessor.Id, predecessor.Label, predecessor.Status),
            successors.Select(s => new PolicyLink(s.Id, s.Label, s.Status)).ToList(),
            row.CreatedAt,
            row.ApprovedAt,
            row.LedgerIndex,
            steps.OrderBy(s => s.At).ThenBy(s => Rank(s.Step)).Select(s => new PolicyStepView(s.Step, s.ActorName, s.At, s.MinutesDigest, s.Note)).ToList());
    }

    public async Task<Result<PolicyView>> CreateAsync(CreatePolicyRequest request, CancellationToken ct)
    {
        var kind = request.Kind?.Trim().ToLowerInvariant();
        if (!PolicyKinds.IsKnown(kind))
        {
            return PoliciesErrors.KindInvalid;
        }

        var label = request.Label?.Trim().ToLowerInvariant();
        if (!PolicyRules.IsLabel(label))
        {
            return PoliciesErrors.LabelInvalid;
        }

        var content = CheckContent(request.TitleZh, request.TitleEn, request.ValidFrom ?? Today, request.ValidTo, request.DocumentDigest, request.DocumentText);
        if (!content.IsSuccess)
        {
            return content.Error!;
        }

        if (request.SupersedesId is { } supersedes
            && !await db.Policies.AnyAsync(p => p.Id == supersedes && p.Kind == kind && p.Status == PolicyStatus.Approved, ct))
        {
            return PoliciesErrors.SupersedesInvalid;
        }

        if (await db.Policies.AnyAsync(p => p.Label == label, ct))
        {
            return PoliciesErrors.LabelTaken;
        }

        var now = clock.GetUtcNow();
        var (validFrom, validTo, digest) = content.Value;
        var row = new PolicyRow
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind!,
            Label = label!,
            TitleZh = request.TitleZh!.Trim(),
            TitleEn = request.TitleEn!.Trim(),
            Summary = string.IsNullOrWhiteSpace(request.Summary) ? null : request.Summary.Trim(),
            ValidFrom = validFrom,
            ValidTo = validTo,
            DocumentDigest = digest,
            Status = PolicyStatus.Draft,
            SupersedesId = request.SupersedesId,
            CreatedAt = now,
            CreatedBy = user.AccountId,
            Version = 1,
        };
        db.Policies.Add(row);
        db.Steps.Add(NewStep(row.Id, PolicySteps.Drafted, null, null, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return PoliciesErrors.LabelTaken; // the unique label index: a concurrent draft won
        }

        await audit.RecordAsync(new AuditRecord("policies.drafted", "policy", row.Id.ToString(), row.Label), ct);
        return await GetAsync(row.Id, ct);
    }

    public async Task<Result<PolicyView>> UpdateAsync(Guid id, UpdatePolicyRequest request, CancellationToken ct)
    {
        var row = await db.Policies.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (row is null)
        {
            return PoliciesErrors.NotFound;
        }

        if (row.Status == PolicyStatus.Approved)
        {
            return PoliciesErrors.ApprovedImmutable;
        }

        if (row.Status != PolicyStatus.Draft)
        {
            return PoliciesErrors.NotDraft;
        }

        var content = CheckContent(
            request.TitleZh ?? row.TitleZh,
            request.TitleEn ?? row.TitleEn,
            request.ValidFrom ?? row.ValidFrom,
            request.ValidTo ?? (request.ValidFrom is null ? row.ValidTo : null),
            request.DocumentDigest ?? (request.DocumentText is null ? row.DocumentDigest : null),
            request.DocumentText);
        if (!content.IsSuccess)
        {
            return content.Error!;
        }

        (row.ValidFrom, row.ValidTo, row.DocumentDigest) = content.Value;
        row.TitleZh = (request.TitleZh ?? row.TitleZh).Trim();
        row.TitleEn = (request.TitleEn ?? row.TitleEn).Trim();
        row.Summary = request.Summary is null ? row.Summary : string.IsNullOrWhiteSpace(request.Summary) ? null : request.Summary.Trim();
        row.Version++;
        if (!await TrySaveAsync(ct))
        {
            return PoliciesErrors.Concurrency;
        }

        await audit.RecordAsync(new AuditRecord("policies.edited", "policy", row.Id.ToString(), row.Label), ct);
        return await GetAsync(id, ct);
    }

    public Task<Result<PolicyView>> ProposeAsync(Guid id, PolicyStepRequest request, CancellationToken ct) =>
        AdvanceAsync(id, PolicyStatus.Draft, PolicyStatus.Proposed, PolicySteps.Proposed, request, minutesRequired: false, ct);

    public Task<Result<PolicyView>> ReviewAsync(Guid id, PolicyStepRequest request, CancellationToken ct) =>
        AdvanceAsync(id, PolicyStatus.Proposed, PolicyStatus.Reviewed, PolicySteps.Reviewed, request, minutesRequired: true, ct);

    public Task<Result<PolicyView>> ApproveAsync(Guid id, PolicyStepRequest request, CancellationToken ct) =>
        AdvanceAsync(id, PolicyStatus.Reviewed, PolicyStatus.Approved, PolicySteps.Approved, request, minutesRequired: true, ct);

    private async Task<Result<PolicyView>> AdvanceAsync(Guid id, string from, string to, string step, PolicyStepRequest request, bool minutesRequired, CancellationToken ct)
    {
        var row = await db.Policies.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (row is null)
        {
            return PoliciesErrors.NotFound;
        }

        if (row.Status != from)
        {
            return row.Status == PolicyStatus.Approved ? PoliciesErrors.ApprovedImmutable : PoliciesErrors.WrongStep;
        }

        string? minutes = null;
        if (!string.IsNullOrWhiteSpace(request.MinutesText))
        {
            minutes = PolicyRules.Digest(request.MinutesText);
        }
        else if (!string.IsNullOrWhiteSpace(request.MinutesDigest))
        {
            minutes = request.MinutesDigest.Trim().ToLowerInvariant();
            if (!PolicyRules.IsDigest(minutes))
            {
                return PoliciesErrors.MinutesRequired;
            }
        }
        else if (minutesRequired)
        {
            return PoliciesErrors.MinutesRequired;
        }

        if (to == PolicyStatus.Approved)
        {
            var proposer = await db.Steps.AsNoTracking().Where(s => s.PolicyId == id && s.Step == PolicySteps.Proposed)
                .Select(s => s.ActorAccountId).FirstOrDefaultAsync(ct);
            if (proposer is not null && proposer == user.AccountId)
            {
                await audit.RecordAsync(new AuditRecord("policies.approved", "policy", row.Id.ToString(), "refused: proposer", Succeeded: false), ct);
                return PoliciesErrors.SameApprover;
            }
        }

        var now = clock.GetUtcNow();
        row.Status = to;
        row.Version++;
        if (to == PolicyStatus.Approved)
        {
            row.ApprovedAt = now;
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        db.Steps.Add(NewStep(id, step, minutes, note is { Length: > 2000 } ? note[..2000] : note, now));
        if (!await TrySaveAsync(ct))
        {
            return PoliciesErrors.Concurrency;
        }

        await audit.RecordAsync(new AuditRecord("policies." + step, "policy", row.Id.ToString(), row.Label), ct);
        if (to == PolicyStatus.Approved)
        {
            await RecordApprovalAsync(row, ct);
        }

        return await GetAsync(id, ct);
    }

    /// <summary>The approval as evidence: the digest of a canonical document naming the version, its validity, its document and the trail's minutes.</summary>
    public async Task RecordApprovalAsync(PolicyRow row, CancellationToken ct)
    {
        var steps = await db.Steps.AsNoTracking().Where(s => s.PolicyId == row.Id).ToListAsync(ct);
        var predecessor = row.SupersedesId is { } sid ? await db.Policies.AsNoTracking().Where(p => p.Id == sid).Select(p => p.Label).FirstOrDefaultAsync(ct) : null;
        var document = ApprovalDocument(row, predecessor, steps);
        var appended = await ledger.AppendAsync(
            new LedgerEntryDraft(
                LedgerKinds.PolicyApproval,
                LedgerDigest.Sha256(Encoding.UTF8.GetBytes(document)),
                ["talent-office", "leading-group"],
                "policies",
                row.ApprovedAt,
                $"policy:{row.Label}"),
            ct);
        if (appended.IsSuccess)
        {
            row.LedgerIndex = appended.Value!.Index;
            await db.SaveChangesAsync(ct);
        }
        else
        {
            LogNotRecorded(logger, appended.Error!.Code);
        }
    }

    /// <summary>The canonical JSON whose SHA-256 is the ledger entry's digest (documented in the module README).</summary>
    public static string ApprovalDocument(PolicyRow row, string? supersedes, IEnumerable<StepRow> steps) =>
        JsonSerializer.Serialize(new
        {
            type = "policy_approval",
            kind = row.Kind,
            version = row.Label,
            validFrom = row.ValidFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            validTo = row.ValidTo.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            document = row.DocumentDigest,
            supersedes,
            trail = steps.OrderBy(s => s.At).ThenBy(s => Rank(s.Step)).Select(s => new { step = s.Step, at = s.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), minutes = s.MinutesDigest }),
        });

    private Result<(DateOnly From, DateOnly To, string Digest)> CheckContent(string? titleZh, string? titleEn, DateOnly from, DateOnly? to, string? digest, string? text)
    {
        if (string.IsNullOrWhiteSpace(titleZh) || string.IsNullOrWhiteSpace(titleEn) || titleZh.Trim().Length > 200 || titleEn.Trim().Length > 200)
        {
            return PoliciesErrors.TitleInvalid;
        }

        var validTo = to ?? PolicyRules.DefaultValidTo(from);
        if (validTo < from || validTo > from.AddYears(10))
        {
            return PoliciesErrors.ValidityInvalid;
        }

        var documentDigest = !string.IsNullOrWhiteSpace(text) ? PolicyRules.Digest(text) : digest?.Trim().ToLowerInvariant();
        if (!PolicyRules.IsDigest(documentDigest))
        {
            return PoliciesErrors.DigestInvalid;
        }

        return (from, validTo, documentDigest!);
    }

    private StepRow NewStep(Guid policyId, string step, string? minutes, string? note, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PolicyId = policyId,
        Step = step,
        ActorAccountId = user.AccountId,
        ActorName = services.GetService<IHttpContextAccessor>()?.HttpContext?.User.FindFirst(TalentPassClaims.DisplayName)?.Value ?? "系统 / system", // none in the CLI
        At = now,
        MinutesDigest = minutes,
        Note = note,
    };

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    internal static int Rank(string step) => step switch
    {
        PolicySteps.Drafted => 0,
        PolicySteps.Proposed => 1,
        PolicySteps.Reviewed => 2,
        _ => 3,
    };

    private static DateOnly? SuccessorFrom(IReadOnlyList<PolicyRow> rows, Guid id) =>
        rows.Where(r => r.SupersedesId == id && r.Status == PolicyStatus.Approved).Select(r => (DateOnly?)r.ValidFrom).Min();

    internal static PolicySummary Summarise(PolicyRow r, DateOnly? successorFrom, DateOnly today)
    {
        var effective = PolicyRules.Effective(r.Status, r.ValidFrom, r.ValidTo, successorFrom, today);
        int? expiresIn = effective is EffectiveStatus.InForce or EffectiveStatus.Scheduled && successorFrom is null
            ? r.ValidTo.DayNumber - today.DayNumber
            : null;
        return new PolicySummary(r.Id, r.Kind, r.Label, r.TitleZh, r.TitleEn, r.ValidFrom, r.ValidTo, r.Status, effective, r.IsDemo, expiresIn);
    }

    [LoggerMessage(EventId = 8601, Level = LogLevel.Warning, Message = "A policy approval was not recorded in the ledger ({Code})")]
    private static partial void LogNotRecorded(ILogger logger, string code);
}
