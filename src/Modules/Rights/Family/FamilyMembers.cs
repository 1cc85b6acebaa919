using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.Modules.Rights.Domain;
using TalentPass.Modules.Rights.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Rights.Family;

/// <summary>The talent's own view of a family member (ID number masked; never the full values).</summary>
internal sealed record FamilyMemberView(Guid Id, string Relation, string MaskedName, string MaskedIdNumber, DateTimeOffset CreatedAt);

internal sealed record AddFamilyMemberRequest
{
    /// <summary><c>parent</c>, <c>spouse</c> or <c>child</c>.</summary>
    public string? Relation { get; init; }

    public string? Name { get; init; }

    public string? IdNumber { get; init; }
}

/// <summary>Read side for other modules (redemption): current members only, names masked.</summary>
internal sealed class FamilyMembers(RightsDbContext db) : IFamilyMembers
{
    public async Task<IReadOnlyList<FamilyMember>> ListAsync(Guid talentId, CancellationToken cancellationToken = default) =>
        await db.FamilyMembers.AsNoTracking()
            .Where(m => m.TalentId == talentId && m.RemovedAt == null)
            .OrderBy(m => m.CreatedAt)
            .Select(m => new FamilyMember(m.Id, m.TalentId, m.Relation, m.MaskedName))
            .ToListAsync(cancellationToken);

    public async Task<FamilyMember?> GetAsync(Guid familyMemberId, CancellationToken cancellationToken = default) =>
        await db.FamilyMembers.AsNoTracking()
            .Where(m => m.Id == familyMemberId && m.RemovedAt == null)
            .Select(m => new FamilyMember(m.Id, m.TalentId, m.Relation, m.MaskedName))
            .SingleOrDefaultAsync(cancellationToken);
}

/// <summary>
/// A talent registers and removes family members (MISSION.md N: parents, spouse, children). Name and ID number are
/// encrypted with <see cref="IFieldProtector"/>; a blind index stops the same person being registered twice.
/// </summary>
internal sealed class FamilyRegister(RightsDbContext db, IFieldProtector protector, TimeProvider clock)
{
    public const int MaxMembers = 10;

    public async Task<IReadOnlyList<FamilyMemberView>> ListAsync(Guid talentId, CancellationToken ct) =>
        await db.FamilyMembers.AsNoTracking()
            .Where(m => m.TalentId == talentId && m.RemovedAt == null)
            .OrderBy(m => m.CreatedAt)
            .Select(m => new FamilyMemberView(m.Id, m.Relation, m.MaskedName, m.MaskedIdNumber, m.CreatedAt))
            .ToListAsync(ct);

    public async Task<Result<FamilyMemberView>> AddAsync(Guid talentId, AddFamilyMemberRequest request, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var relation = request.Relation?.Trim().ToLowerInvariant();
        if (relation is null || !RightCodes.Relations.Contains(relation, StringComparer.Ordinal))
        {
            fields["relation"] = ["请选择父母、配偶或子女 / Choose parent, spouse or child."];
        }

        var name = request.Name?.Trim() ?? "";
        if (name.Length is < 1 or > 50)
        {
            fields["name"] = ["请填写姓名（最多50个字符） / Enter the name (at most 50 characters)."];
        }

        var parsed = ResidentIdNumber.Parse(request.IdNumber);
        if (!parsed.IsSuccess)
        {
            fields["idNumber"] = ["身份证号码无效 / The ID number is not valid."];
        }

        if (fields.Count > 0)
        {
            var code = fields.ContainsKey("relation") ? "rights.family_relation_invalid"
                : fields.ContainsKey("name") ? "rights.family_name_invalid" : "rights.family_id_number_invalid";
            return RightsErrors.Invalid(code, fields, "家庭成员信息有误 / The family member's details are not valid.");
        }

        var idNumber = parsed.Value!;
        var index = protector.BlindIndex(idNumber.Value);
        var current = await db.FamilyMembers.Where(m => m.TalentId == talentId && m.RemovedAt == null).Select(m => m.IdNumberIndex).ToListAsync(ct);
        if (current.Contains(index, StringComparer.Ordinal))
        {
            return RightsErrors.FamilyMemberDuplicate;
        }

        if (current.Count >= MaxMembers)
        {
            return RightsErrors.FamilyTooMany;
        }

        var now = clock.GetUtcNow();
        var row = new FamilyMemberRow
        {
            Id = Guid.CreateVersion7(now),
            TalentId = talentId,
            Relation = relation!,
            NameProtected = protector.Protect(name),
            MaskedName = Masking.Name(name),
            IdNumberProtected = protector.Protect(idNumber.Value),
            IdNumberIndex = index,
            MaskedIdNumber = idNumber.Masked,
            CreatedAt = now,
            Version = 1,
        };
        db.FamilyMembers.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return RightsErrors.FamilyMemberDuplicate; // the same person registered concurrently
        }

        return new FamilyMemberView(row.Id, row.Relation, row.MaskedName, row.MaskedIdNumber, row.CreatedAt);
    }

    public async Task<Result> RemoveAsync(Guid talentId, Guid memberId, CancellationToken ct)
    {
        var row = await db.FamilyMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.TalentId == talentId && m.RemovedAt == null, ct);
        if (row is null)
        {
            return RightsErrors.FamilyMemberNotFound;
        }

        row.RemovedAt = clock.GetUtcNow();
        row.Version++;
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    /// <summary>The talent's own data, unmasked (personal-data download only).</summary>
    public async Task<IReadOnlyList<(FamilyMemberRow Row, string Name, string IdNumber)>> ExportAsync(Guid talentId, CancellationToken ct)
    {
        var rows = await db.FamilyMembers.AsNoTracking().Where(m => m.TalentId == talentId).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        return rows.Select(r => (r, protector.Unprotect(r.NameProtected), protector.Unprotect(r.IdNumberProtected))).ToList();
    }
}
