using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Talents.Domain;
using TalentPass.Modules.Talents.Features.GetTalent;
using TalentPass.Modules.Talents.Features.ProfileInput;
using TalentPass.Modules.Talents.Features.ReviewChangeRequests;
using TalentPass.Modules.Talents.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents.Features.MyProfile;

/// <summary>
/// A talent's edit of their own profile. A property left out (null) stays as it is; an empty string or list
/// clears the value. Unverified fields change at once; verified fields become change requests.
/// </summary>
internal sealed record UpdateMyProfileRequest : ProfileFieldsInput
{
    public string? Name { get; init; }

    /// <summary>The version the edit was based on; a newer record → 409 <c>talents.version_conflict</c>.</summary>
    public int? Version { get; init; }

    /// <summary>The fields the talent submitted (null means "not part of this edit").</summary>
    public Dictionary<string, string?> Submitted()
    {
        var values = ProfileValues().Where(v => v.Value is not null).ToDictionary(StringComparer.Ordinal);
        if (Name is not null)
        {
            values[ProfileFields.Name] = Name;
        }

        return values;
    }
}

internal sealed record SubmittedChangeRequest(Guid Id, string Field);

internal sealed record ProfileEdited(IReadOnlyList<string> Applied, IReadOnlyList<SubmittedChangeRequest> ChangeRequests, int Version);

/// <summary>The talent's own record: <c>/api/v1/me/…</c> and the <c>/me</c> pages.</summary>
internal sealed class MyProfileHandler(
    TalentsDbContext db,
    ICurrentUser user,
    IFieldProtector protector,
    TalentViewBuilder views,
    TimeProvider clock)
{
    public async Task<Talent?> FindMineAsync(bool track, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Talent) || user.AccountId is not { } account)
        {
            return null;
        }

        var talents = track ? db.Talents : db.Talents.AsNoTracking();
        return await talents.FirstOrDefaultAsync(t => t.AccountId == account, ct);
    }

    public async Task<Result<TalentView>> GetAsync(bool unmask, CancellationToken ct) =>
        await FindMineAsync(false, ct) is { } talent ? await views.BuildAsync(talent, unmask, ct) : TalentsErrors.NoProfile;

    public async Task<Result<IReadOnlyList<ChangeRequestView>>> ListChangeRequestsAsync(CancellationToken ct)
    {
        if (await FindMineAsync(false, ct) is not { } talent)
        {
            return TalentsErrors.NoProfile;
        }

        var requests = await db.ChangeRequests.AsNoTracking().Where(c => c.TalentId == talent.Id).OrderByDescending(c => c.Id).Take(100).ToListAsync(ct);
        return requests.Select(c => ChangeRequestView.From(c, talent.Name, unmask: true, protector)).ToList();
    }

    public async Task<Result<ProfileEdited>> UpdateAsync(IReadOnlyDictionary<string, string?> submitted, int? version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        var talent = await FindMineAsync(true, ct);
        if (talent is null)
        {
            return TalentsErrors.NoProfile;
        }

        if (version is { } expected && expected != talent.Version)
        {
            return TalentsErrors.VersionConflict;
        }

        var provenance = await db.Provenance.Where(p => p.TalentId == talent.Id).ToDictionaryAsync(p => p.Field, StringComparer.Ordinal, ct);
        var pending = await db.ChangeRequests.AsNoTracking()
            .Where(c => c.TalentId == talent.Id && c.Status == ChangeRequestStatus.Pending)
            .Select(c => c.Field)
            .ToListAsync(ct);
        var plan = ProfileEditor.Plan(
            submitted,
            key => talent.GetValue(key, protector),
            ProfileFields.All.Where(f => talent.ProvenanceOf(f.Key, provenance)?.IsVerified == true).Select(f => f.Key).ToHashSet(StringComparer.Ordinal),
            pending.ToHashSet(StringComparer.Ordinal),
            BusinessTime.Today(clock).Year);
        if (!plan.IsSuccess)
        {
            return plan.Error;
        }

        var now = clock.GetUtcNow();
        foreach (var (key, value) in plan.Value.Apply)
        {
            talent.SetValue(key, value, protector, now);
            if (provenance.TryGetValue(key, out var existing))
            {
                existing.MarkSelfDeclared(now);
            }
            else
            {
                db.Provenance.Add(FieldProvenance.SelfDeclared(talent.Id, key, now));
            }
        }

        var requests = new List<SubmittedChangeRequest>();
        foreach (var (key, value) in plan.Value.Request)
        {
            var stored = value is not null && ProfileFields.IsPersonal(key) ? protector.Protect(value) : value;
            var request = ChangeRequest.Submit(Guid.CreateVersion7(now), talent.Id, key, stored, user.AccountId, now);
            db.ChangeRequests.Add(request);
            requests.Add(new SubmittedChangeRequest(request.Id, key));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TalentsErrors.VersionConflict;
        }
        catch (DbUpdateException) when (requests.Count > 0)
        {
            // The partial unique index on pending (talent, field) refused a concurrent duplicate.
            return TalentsErrors.ChangeRequestPending(requests[0].Field);
        }

        return new ProfileEdited(plan.Value.Apply.Select(a => a.Key).ToList(), requests, talent.Version);
    }

    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/profile", async Task<Results<Ok<TalentView>, ProblemHttpResult>> (bool? unmask, MyProfileHandler handler, CancellationToken ct) =>
            {
                var result = await handler.GetAsync(unmask == true, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("GetMyProfile")
            .WithSummary("The signed-in talent's own record (masked; ?unmask=true is audited)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        me.MapPut("/profile", async Task<Results<Ok<ProfileEdited>, ProblemHttpResult>> (UpdateMyProfileRequest request, MyProfileHandler handler, CancellationToken ct) =>
            {
                var result = await handler.UpdateAsync(request.Submitted(), request.Version, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.WithJsonFieldNames().ToProblem();
            })
            .WithName("UpdateMyProfile")
            .WithSummary("Edit one's own profile: unverified fields change at once, verified fields become change requests")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        me.MapGet("/change-requests", async Task<Results<Ok<IReadOnlyList<ChangeRequestView>>, ProblemHttpResult>> (MyProfileHandler handler, CancellationToken ct) =>
            {
                var result = await handler.ListChangeRequestsAsync(ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("ListMyChangeRequests")
            .WithSummary("The signed-in talent's change requests, newest first")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
