using TalentPass.Modules.Talents.Contracts;

namespace TalentPass.Modules.Codes.Features.Subjects;

/// <summary>
/// Follows the registry (called after the talent change is committed): suspension, reactivation and termination
/// change the talent's status-list entry — online verification sees it at once on this node (within
/// <see cref="CodesOptions.CacheRefresh"/> on the others) and offline verifiers with the next signed list. Level
/// changes need nothing here: every code is issued from the registry's current level.
/// </summary>
internal sealed class CodesTalentEventHandler(SubjectRegistry subjects) : ITalentEventHandler
{
    public Task HandleAsync(TalentLevelChanged change, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task HandleAsync(TalentStatusChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await subjects.SetStatusAsync(change.TalentId, SubjectRegistry.FromTalentStatus(change.ToStatus), cancellationToken);
    }
}
