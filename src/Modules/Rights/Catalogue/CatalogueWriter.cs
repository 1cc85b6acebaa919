using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.Modules.Rights.Domain;
using TalentPass.Modules.Rights.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Rights.Catalogue;

/// <summary>
/// Catalogue management. Remit: the talent office manages every right; the operator manages consumer rights; a
/// department or partner manages the rights it provides. Every change writes the right (revision + 1), the revision
/// row (the full definition after the change) and bumps the catalogue revision, in one transaction; rights are never
/// deleted — they are withdrawn (and may be reinstated).
/// </summary>
internal sealed class CatalogueWriter(RightsDbContext db, RightsCatalogue catalogue, IOrganisationDirectory organisations, ICurrentUser user, TimeProvider clock)
{
    public static class Actions
    {
        public const string Created = "created";
        public const string Updated = "updated";
        public const string Withdrawn = "withdrawn";
        public const string Reinstated = "reinstated";
    }

    public static bool CanManage(ICurrentUser user, string kind, Guid providerOrganisationId)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(Roles.TalentOffice))
        {
            return true;
        }

        if (user.IsInRole(Roles.Operator) && kind == RightKinds.Consumer)
        {
            return true;
        }

        return user.IsInAnyRole(Roles.Department, Roles.PartnerStaff) && user.OrganisationId == providerOrganisationId;
    }

    public bool CanManage(RightDefinition right) => CanManage(user, right.Kind, right.ProviderOrganisationId);

    /// <summary>May the current user create rights at all (the page shows the "new" button).</summary>
    public bool CanCreate => user.IsInAnyRole(Roles.TalentOffice, Roles.Operator, Roles.Department, Roles.PartnerStaff);

    public async Task<Result<RightDefinition>> CreateAsync(RightInput input, CancellationToken ct)
    {
        var validated = RightValidator.Validate(input, Guid.CreateVersion7(clock.GetUtcNow()), 1, RightCodes.Active, await OrganisationsAsync(ct));
        if (!validated.IsSuccess)
        {
            return validated.Error;
        }

        var definition = validated.Value;
        if (!CanManage(definition))
        {
            return RightsErrors.OutsideRemit;
        }

        return await AddAsync(definition, isDemo: false, user.AccountId, input.Note, ct);
    }

    public async Task<Result<RightDefinition>> UpdateAsync(Guid id, RightInput input, CancellationToken ct)
    {
        var row = await db.Rights.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (row is null)
        {
            return RightsErrors.RightNotFound;
        }

        var before = RightMapping.ToDefinition(row);
        if (!CanManage(before))
        {
            return RightsErrors.OutsideRemit;
        }

        if (input.ExpectedRevision is { } expected && expected != row.Revision)
        {
            return RightsErrors.RevisionConflict;
        }

        var validated = RightValidator.Validate(input with { Code = row.Code }, row.Id, row.Revision + 1, row.Status, await OrganisationsAsync(ct));
        if (!validated.IsSuccess)
        {
            return validated.Error;
        }

        var after = validated.Value;
        if (!CanManage(after))
        {
            return RightsErrors.OutsideRemit; // e.g. a department handing its right to another provider
        }

        var changed = ChangedFields(before, after);
        if (changed.Count == 0)
        {
            return before; // nothing to record
        }

        return await SaveChangeAsync(row, after, Actions.Updated, string.Join(",", changed), input.Note, ct);
    }

    public async Task<Result<RightDefinition>> SetStatusAsync(Guid id, bool withdraw, RightStatusRequest request, CancellationToken ct)
    {
        var row = await db.Rights.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (row is null)
        {
            return RightsErrors.RightNotFound;
        }

        var before = RightMapping.ToDefinition(row);
        if (!CanManage(before))
        {
            return RightsErrors.OutsideRemit;
        }

        if (request.ExpectedRevision is { } expected && expected != row.Revision)
        {
            return RightsErrors.RevisionConflict;
        }

        if (withdraw && row.Status == RightCodes.Withdrawn)
        {
            return RightsErrors.AlreadyWithdrawn;
        }

        if (!withdraw && row.Status != RightCodes.Withdrawn)
        {
            return RightsErrors.NotWithdrawn;
        }

        var after = before with { Status = withdraw ? RightCodes.Withdrawn : RightCodes.Active, Revision = row.Revision + 1 };
        return await SaveChangeAsync(row, after, withdraw ? Actions.Withdrawn : Actions.Reinstated, "status", request.Note, ct);
    }

    /// <summary>Adds a validated right (revision 1) without a remit check: creation above and the demo seeder.</summary>
    public async Task<Result<RightDefinition>> AddAsync(RightDefinition definition, bool isDemo, Guid? by, string? note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (await db.Rights.AnyAsync(r => r.Code == definition.Code, ct))
        {
            return RightsErrors.CodeTaken;
        }

        var now = clock.GetUtcNow();
        var row = new RightRow { Id = definition.Id, Code = definition.Code, IsDemo = isDemo, CreatedAt = now };
        Apply(row, definition, now, by);
        db.Rights.Add(row);
        db.Revisions.Add(Revision(definition, Actions.Created, "*", note, now, by));
        try
        {
            await CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            return RightsErrors.CodeTaken; // created concurrently
        }

        return definition;
    }

    private async Task<Result<RightDefinition>> SaveChangeAsync(RightRow row, RightDefinition after, string action, string changed, string? note, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Apply(row, after, now, user.AccountId);
        db.Revisions.Add(Revision(after, action, changed, note, now, user.AccountId));
        try
        {
            await CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            return RightsErrors.RevisionConflict; // concurrency token or the (right, revision) key: someone else saved first
        }

        return after;
    }

    private async Task CommitAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var now = clock.GetUtcNow();
        await db.State.Where(s => s.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(x => x.Revision, x => x.Revision + 1).SetProperty(x => x.UpdatedAt, now), ct);
        await transaction.CommitAsync(ct);
        catalogue.Invalidate();
    }

    private async Task<IReadOnlyDictionary<Guid, OrganisationSummary>> OrganisationsAsync(CancellationToken ct) =>
        (await organisations.ListAsync(null, ct)).Where(o => o.IsActive).ToDictionary(o => o.Id);

    private static void Apply(RightRow row, RightDefinition d, DateTimeOffset now, Guid? by)
    {
        row.Kind = d.Kind;
        row.NameZh = d.NameZh;
        row.NameEn = d.NameEn;
        row.DescriptionZh = d.DescriptionZh;
        row.DescriptionEn = d.DescriptionEn;
        row.ProviderOrganisationId = d.ProviderOrganisationId;
        row.Levels = RightMapping.Write(d.Levels);
        row.Categories = RightMapping.Write(d.Categories);
        row.FamilyRelations = RightMapping.Write(d.FamilyRelations);
        row.ValidFrom = d.ValidFrom;
        row.ValidTo = d.ValidTo;
        row.PolicyVersion = d.PolicyVersion;
        row.ServicePoints = RightMapping.Write(d.ServicePointOrganisationIds);
        row.RequiresOnlineVerification = d.RequiresOnlineVerification;
        row.AllowsOfflineRedemption = d.AllowsOfflineRedemption;
        row.StaticCodeAccepted = d.StaticCodeAccepted;
        row.ValueFen = d.ValueFen;
        row.Quotas = RightMapping.Write(d.Quotas);
        row.Pools = RightMapping.Write(d.Pools);
        row.ReversalWindowMinutes = d.ReversalWindowMinutes;
        row.Status = d.Status;
        row.Revision = d.Revision;
        row.UpdatedAt = now;
        row.UpdatedBy = by;
    }

    private static RightRevisionRow Revision(RightDefinition d, string action, string changed, string? note, DateTimeOffset now, Guid? by) => new()
    {
        RightId = d.Id,
        Revision = d.Revision,
        Action = action,
        Definition = RightMapping.Serialise(d),
        ChangedFields = changed,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        ChangedAt = now,
        ChangedBy = by,
    };

    /// <summary>The camelCase names of the definition fields that differ (lists compared by value).</summary>
    public static IReadOnlyList<string> ChangedFields(RightDefinition before, RightDefinition after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changed = new List<string>();
        void Check(string name, bool same)
        {
            if (!same)
            {
                changed.Add(name);
            }
        }

        Check("kind", before.Kind == after.Kind);
        Check("nameZh", before.NameZh == after.NameZh);
        Check("nameEn", before.NameEn == after.NameEn);
        Check("descriptionZh", before.DescriptionZh == after.DescriptionZh);
        Check("descriptionEn", before.DescriptionEn == after.DescriptionEn);
        Check("providerOrganisationId", before.ProviderOrganisationId == after.ProviderOrganisationId);
        Check("levels", before.Levels.SequenceEqual(after.Levels));
        Check("categories", before.Categories.SequenceEqual(after.Categories));
        Check("familyRelations", before.FamilyRelations.SequenceEqual(after.FamilyRelations));
        Check("validFrom", before.ValidFrom == after.ValidFrom);
        Check("validTo", before.ValidTo == after.ValidTo);
        Check("policyVersion", before.PolicyVersion == after.PolicyVersion);
        Check("servicePointOrganisationIds", before.ServicePointOrganisationIds.SequenceEqual(after.ServicePointOrganisationIds));
        Check("requiresOnlineVerification", before.RequiresOnlineVerification == after.RequiresOnlineVerification);
        Check("allowsOfflineRedemption", before.AllowsOfflineRedemption == after.AllowsOfflineRedemption);
        Check("staticCodeAccepted", before.StaticCodeAccepted == after.StaticCodeAccepted);
        Check("valueFen", before.ValueFen == after.ValueFen);
        Check("quotas", before.Quotas.SequenceEqual(after.Quotas));
        Check("pools", before.Pools.SequenceEqual(after.Pools));
        Check("reversalWindowMinutes", before.ReversalWindowMinutes == after.ReversalWindowMinutes);
        return changed;
    }
}
