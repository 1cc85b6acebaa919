using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Recognition.Domain;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Recognition.Features.Shared;

/// <summary>
/// Who may see and do what: the talent their own recognitions; the talent office everything (and decides); an
/// enterprise contact the self-recognitions of their own enterprise; an expert the applications of panels they sit on.
/// Another party's recognition answers 404.
/// </summary>
internal sealed class RecognitionAccess(ICurrentUser user, ITalentDirectory talents)
{
    public ICurrentUser User => user;

    public Guid AccountId => user.AccountId ?? Guid.Empty;

    public bool IsTalentOffice => user.IsInRole(Roles.TalentOffice);

    public bool IsEnterpriseContact => user.IsInRole(Roles.EnterpriseContact) && user.OrganisationId is not null;

    /// <summary>The talent profile linked to the signed-in account, if any.</summary>
    public async Task<TalentSummary?> MyTalentAsync(CancellationToken ct) =>
        user.IsInRole(Roles.Talent) && user.AccountId is { } account ? await talents.FindByAccountAsync(account, ct) : null;

    /// <summary>Whether the user may read this recognition (panel membership is checked by the caller).</summary>
    public async Task<bool> CanReadAsync(RecognitionApplication application, bool onPanel, CancellationToken ct)
    {
        if (IsTalentOffice || onPanel)
        {
            return true;
        }

        if (IsEnterpriseContact && application.Path == RecognitionPaths.Employer && application.EmployerOrganisationId == user.OrganisationId)
        {
            return true;
        }

        var mine = await MyTalentAsync(ct);
        return mine is not null && mine.Id == application.TalentId;
    }
}

/// <summary>
/// Optional collaborators implemented by other modules that may not be registered in every build (data sharing,
/// notifications, personal data): resolved lazily so the module still works — look-ups then go to a clerk.
/// </summary>
internal sealed class OptionalServices(IServiceProvider services)
{
    public T? Get<T>()
        where T : class => services.GetService<T>();
}
