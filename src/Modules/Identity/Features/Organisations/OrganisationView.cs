using TalentPass.Modules.Identity.Domain;
using TalentPass.Modules.Identity.Persistence;

namespace TalentPass.Modules.Identity.Features.Organisations;

/// <summary>An organisation as the API shows it; <see cref="Kind"/> is the snake_case code.</summary>
internal sealed record OrganisationView(Guid Id, string Code, string Name, string Kind, Guid? ParentId, bool IsActive, DateTimeOffset CreatedAt, int Version)
{
    public static OrganisationView From(OrganisationRow o) =>
        new(o.Id, o.Code, o.Name, OrganisationKinds.ToCode(o.Kind), o.ParentId, o.IsActive, o.CreatedAt, o.Version);
}
