using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents.Domain;

internal static class ChangeRequestStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";

    public static IReadOnlyList<string> All { get; } = [Pending, Approved, Rejected];

    public static string? Normalise(string? code) => code?.Trim().ToLowerInvariant() is { } c && All.Contains(c, StringComparer.Ordinal) ? c : null;
}

/// <summary>
/// A talent's proposed new value for a VERIFIED field; the talent office approves (the value is applied and
/// becomes verified by the reviewer) or rejects it with a reason. At most one pending request per field.
/// The proposed value of a personal field is stored encrypted.
/// </summary>
internal sealed class ChangeRequest
{
    private ChangeRequest()
    {
    }

    public Guid Id { get; private set; }

    public Guid TalentId { get; private set; }

    public string Field { get; private set; } = string.Empty;

    /// <summary>Canonical value; encrypted (<c>v1.…</c>) when the field is personal.</summary>
    public string? ProposedValue { get; private set; }

    public string Status { get; private set; } = ChangeRequestStatus.Pending;

    public Guid? RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public Guid? ReviewerId { get; private set; }

    public string? ReviewReason { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public bool IsPending => Status == ChangeRequestStatus.Pending;

    public static ChangeRequest Submit(Guid id, Guid talentId, string field, string? storedValue, Guid? requestedBy, DateTimeOffset now) => new()
    {
        Id = id,
        TalentId = talentId,
        Field = field,
        ProposedValue = storedValue,
        Status = ChangeRequestStatus.Pending,
        RequestedBy = requestedBy,
        RequestedAt = now,
    };

    public Result Approve(Guid? reviewer, string? reason, DateTimeOffset now)
    {
        if (!IsPending)
        {
            return TalentsErrors.ChangeRequestNotPending;
        }

        Status = ChangeRequestStatus.Approved;
        ReviewerId = reviewer;
        ReviewReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        ReviewedAt = now;
        return Result.Success();
    }

    public Result Reject(Guid? reviewer, string? reason, DateTimeOffset now)
    {
        if (!IsPending)
        {
            return TalentsErrors.ChangeRequestNotPending;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return TalentsErrors.ReasonRequired;
        }

        Status = ChangeRequestStatus.Rejected;
        ReviewerId = reviewer;
        ReviewReason = reason.Trim();
        ReviewedAt = now;
        return Result.Success();
    }
}

/// <summary>What a self-service edit does: values applied at once, and fields that need a change request.</summary>
internal sealed record ProfileEditPlan(IReadOnlyList<KeyValuePair<string, string?>> Apply, IReadOnlyList<KeyValuePair<string, string?>> Request)
{
    public bool IsEmpty => Apply.Count == 0 && Request.Count == 0;
}

/// <summary>
/// The self-service rule: unverified fields change at once (self-declared); verified fields become change
/// requests; a field with a pending request refuses another; unchanged values are ignored; read-only fields
/// refuse. All or nothing: one error refuses the whole edit.
/// </summary>
internal static class ProfileEditor
{
    public static Result<ProfileEditPlan> Plan(
        IReadOnlyDictionary<string, string?> submitted,
        Func<string, string?> currentValue,
        IReadOnlySet<string> verifiedFields,
        IReadOnlySet<string> pendingFields,
        int currentYear)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        ArgumentNullException.ThrowIfNull(currentValue);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var apply = new List<KeyValuePair<string, string?>>();
        var request = new List<KeyValuePair<string, string?>>();
        foreach (var (key, raw) in submitted)
        {
            var field = ProfileFields.Find(key);
            if (field is null || !field.SelfEditable)
            {
                errors[key] = ["此项不可由本人修改 / This field cannot be changed in self-service."];
                continue;
            }

            var normalised = ProfileFields.Normalise(field, raw, currentYear);
            if (!normalised.IsSuccess)
            {
                foreach (var (k, v) in normalised.Error.Fields ?? new Dictionary<string, string[]>())
                {
                    errors[k] = v;
                }

                continue;
            }

            if (string.Equals(normalised.Value, currentValue(key), StringComparison.Ordinal))
            {
                continue;
            }

            if (verifiedFields.Contains(key))
            {
                if (pendingFields.Contains(key))
                {
                    return TalentsErrors.ChangeRequestPending(key);
                }

                request.Add(new(key, normalised.Value));
            }
            else
            {
                apply.Add(new(key, normalised.Value));
            }
        }

        if (errors.Count > 0)
        {
            return Error.Validation("request.invalid", string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))), errors);
        }

        return new ProfileEditPlan(apply, request);
    }
}
