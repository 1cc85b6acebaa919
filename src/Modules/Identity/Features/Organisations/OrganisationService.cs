using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Identity.Domain;
using TalentPass.Modules.Identity.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Identity.Features.Organisations;

internal sealed record CreateOrganisationRequest(string? Code, string? Name, string? Kind, Guid? ParentId);

internal sealed record UpdateOrganisationRequest(string? Name, Guid? ParentId, bool? IsActive, int? Version);

/// <summary>
/// Organisations with their access rules (shared by the API and the pages): the talent office and the
/// operator write (the operator only partner, service-point, enterprise and operator kinds); they and the
/// big-data bureau read everything; other staff see only their own organisation; talents nothing.
/// </summary>
internal sealed class OrganisationService(IdentityDbContext db, ICurrentUser user, TimeProvider clock, IAuditTrail audit)
{
    public const int CodeMin = 2;
    public const int CodeMax = 64;
    public const int NameMax = 100;

    public bool CanWrite => user.IsInAnyRole(Roles.TalentOffice, Roles.Operator);

    public bool CanReadAll => user.IsInAnyRole(Roles.TalentOffice, Roles.Operator, Roles.BigDataBureau);

    public bool CanRead => user.IsAuthenticated && user.Roles.Any(r => r != Roles.Talent);

    /// <summary>Kinds the current user may create or edit.</summary>
    public IReadOnlyCollection<OrganisationKind> WritableKinds =>
        user.IsInRole(Roles.TalentOffice) ? OrganisationKinds.All : user.IsInRole(Roles.Operator) ? AccountRules.OperatorKinds.ToList() : [];

    public async Task<Result<Page<OrganisationView>>> SearchAsync(string? q, string? kind, PageRequest page, CancellationToken ct)
    {
        if (!CanRead)
        {
            return IdentityErrors.Forbidden;
        }

        var query = Scoped();
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!OrganisationKinds.TryParse(kind, out var k))
            {
                return IdentityErrors.OrganisationKindUnknown;
            }

            query = query.Where(o => o.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
            query = query.Where(o => o.Name.ToLower().Contains(term) || o.Code.ToLower().Contains(term));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(o => o.Kind).ThenBy(o => o.Code).Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        return new Page<OrganisationView>(rows.Select(OrganisationView.From).ToList(), page.SafePage, page.SafeSize, total);
    }

    public async Task<Result<OrganisationView>> GetAsync(Guid id, CancellationToken ct)
    {
        if (!CanRead)
        {
            return IdentityErrors.Forbidden;
        }

        var row = await Scoped().SingleOrDefaultAsync(o => o.Id == id, ct);
        return row is null ? IdentityErrors.OrganisationNotFound : OrganisationView.From(row);
    }

    public async Task<Result<OrganisationView>> CreateAsync(CreateOrganisationRequest request, CancellationToken ct)
    {
        if (!CanWrite)
        {
            return IdentityErrors.Forbidden;
        }

        var code = (request.Code ?? string.Empty).Trim();
        if (ValidateCode(code) is { } codeError)
        {
            return codeError;
        }

        var name = (request.Name ?? string.Empty).Trim();
        if (ValidateName(name) is { } nameError)
        {
            return nameError;
        }

        if (!OrganisationKinds.TryParse(request.Kind, out var kind))
        {
            return IdentityErrors.OrganisationKindUnknown;
        }

        if (!WritableKinds.Contains(kind))
        {
            return IdentityErrors.OrganisationKindNotAllowed;
        }

        if (request.ParentId is { } parentId && !await db.Organisations.AnyAsync(o => o.Id == parentId, ct))
        {
            return IdentityErrors.OrganisationParentUnknown;
        }

        var lower = code.ToLowerInvariant();
        if (await db.Organisations.AnyAsync(o => o.Code.ToLower() == lower, ct))
        {
            return IdentityErrors.OrganisationCodeTaken;
        }

        var row = new OrganisationRow
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Code = code,
            Name = name,
            Kind = kind,
            ParentId = request.ParentId,
            IsActive = true,
            CreatedAt = clock.GetUtcNow(),
            Version = 1,
        };
        db.Organisations.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return IdentityErrors.OrganisationCodeTaken;
        }

        await audit.RecordAsync(new AuditRecord("identity.organisation_created", "organisation", row.Id.ToString(), $"code={row.Code}; kind={OrganisationKinds.ToCode(kind)}"), ct);
        return OrganisationView.From(row);
    }

    public async Task<Result<OrganisationView>> UpdateAsync(Guid id, UpdateOrganisationRequest request, CancellationToken ct)
    {
        if (!CanWrite)
        {
            return IdentityErrors.Forbidden;
        }

        var row = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (row is null)
        {
            return IdentityErrors.OrganisationNotFound;
        }

        if (!WritableKinds.Contains(row.Kind))
        {
            return IdentityErrors.OrganisationKindNotAllowed;
        }

        var name = (request.Name ?? string.Empty).Trim();
        if (ValidateName(name) is { } nameError)
        {
            return nameError;
        }

        if (request.ParentId is { } parentId && (parentId == id || !await db.Organisations.AnyAsync(o => o.Id == parentId, ct)))
        {
            return IdentityErrors.OrganisationParentUnknown;
        }

        if (request.Version is { } version && version != row.Version)
        {
            return IdentityErrors.ConcurrencyConflict;
        }

        var changes = new List<string>();
        if (row.Name != name)
        {
            changes.Add("name");
        }

        if (row.ParentId != request.ParentId)
        {
            changes.Add("parent");
        }

        if (request.IsActive is { } active && active != row.IsActive)
        {
            changes.Add(active ? "activated" : "deactivated");
            row.IsActive = active;
        }

        row.Name = name;
        row.ParentId = request.ParentId;
        row.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return IdentityErrors.ConcurrencyConflict;
        }

        await audit.RecordAsync(new AuditRecord("identity.organisation_updated", "organisation", row.Id.ToString(), "changed: " + (changes.Count == 0 ? "nothing" : string.Join(", ", changes))), ct);
        return OrganisationView.From(row);
    }

    private IQueryable<OrganisationRow> Scoped()
    {
        var query = db.Organisations.AsNoTracking();
        if (CanReadAll)
        {
            return query;
        }

        var own = user.OrganisationId;
        return own is null ? query.Where(_ => false) : query.Where(o => o.Id == own.Value);
    }

    internal static Error? ValidateCode(string code)
    {
        if (code.Length is < CodeMin or > CodeMax)
        {
            return IdentityErrors.OrganisationCodeInvalid;
        }

        return code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') ? null : IdentityErrors.OrganisationCodeInvalid;
    }

    internal static Error? ValidateName(string name) =>
        name.Length is 0 or > NameMax || name.Any(char.IsControl) ? IdentityErrors.OrganisationNameInvalid : null;
}
