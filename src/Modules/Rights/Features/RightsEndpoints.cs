using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.Modules.Rights.Catalogue;
using TalentPass.Modules.Rights.Family;
using TalentPass.Modules.Rights.Financing;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Rights.Features;

internal sealed record ApplyFinancingRequest
{
    public Guid RightId { get; init; }

    [System.ComponentModel.DataAnnotations.Range(10_000, 10_000_000, ErrorMessage = "金额须在1万至1000万元之间 / The amount is 10,000–10,000,000 yuan.")]
    public long AmountYuan { get; init; }

    [System.ComponentModel.DataAnnotations.Range(1, 120, ErrorMessage = "期限须在1至120个月之间 / The term is 1–120 months.")]
    public int TermMonths { get; init; }

    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "必填 / Required.")]
    [System.ComponentModel.DataAnnotations.StringLength(200, MinimumLength = 2, ErrorMessage = "2至200个字符 / 2–200 characters.")]
    public string? Purpose { get; init; }
}

/// <summary>The HTTP API under <c>/api/v1/rights</c>: catalogue management, the talent's rights, family and financing, the bank's financing desk.</summary>
internal static class RightsEndpoints
{
    /// <summary>Staff who may read the catalogue (everyone who gives, manages or audits rights).</summary>
    public static readonly string[] CatalogueReaders =
        [Roles.TalentOffice, Roles.Operator, Roles.Department, Roles.PartnerStaff, Roles.ServicePointStaff, Roles.BigDataBureau, Roles.Auditor];

    public static readonly string[] CatalogueManagers = [Roles.TalentOffice, Roles.Operator, Roles.Department, Roles.PartnerStaff];

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var catalogue = endpoints.MapGroup("/api/v1/rights/catalogue").WithTags("Rights")
            .RequireAuthorization(p => p.RequireRole(CatalogueReaders));
        MapCatalogue(catalogue);

        var me = endpoints.MapGroup("/api/v1/rights/me").WithTags("Rights")
            .RequireAuthorization(p => p.RequireRole(Roles.Talent));
        MapMe(me);

        var financing = endpoints.MapGroup("/api/v1/rights/financing").WithTags("Rights").RequirePartnerApi();
        MapBank(financing);
    }

    private static void MapCatalogue(RouteGroupBuilder group)
    {
        group.MapGet("/", async Task<Ok<Page<RightListItem>>> (CatalogueQueries queries, string? q, string? kind, string? level, string? status, Guid? provider, bool? mine, int? page, int? size, CancellationToken ct) =>
                TypedResults.Ok(await queries.SearchAsync(new CatalogueFilter(q, kind, level, status, provider, mine == true), new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct)))
            .WithName("SearchRights")
            .WithSummary("Search the rights catalogue (text, kind, level, status, provider, only mine), paginated")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/{id:guid}", async Task<Results<Ok<RightDetail>, ProblemHttpResult>> (Guid id, CatalogueQueries queries, CancellationToken ct) =>
                Reply(await queries.DetailAsync(id, ct)))
            .WithName("GetRight")
            .WithSummary("A right with its provider, service points and revision history")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<Results<Created<RightDetail>, ProblemHttpResult>> (RightInput request, CatalogueWriter writer, CatalogueQueries queries, CancellationToken ct) =>
            {
                if (RequestValidation.Validate(request) is { } invalid)
                {
                    return invalid.ToProblem();
                }

                var created = await writer.CreateAsync(request, ct);
                if (!created.IsSuccess)
                {
                    return created.Error.ToProblem();
                }

                var detail = await queries.DetailAsync(created.Value.Id, ct);
                return TypedResults.Created($"/api/v1/rights/catalogue/{created.Value.Id}", detail.Value);
            })
            .RequireAuthorization(p => p.RequireRole(CatalogueManagers))
            .WithName("CreateRight")
            .WithSummary("Add a right (talent office: any; operator: consumer; department or partner: its own)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id:guid}", async Task<Results<Ok<RightDetail>, ProblemHttpResult>> (Guid id, RightInput request, CatalogueWriter writer, CatalogueQueries queries, CancellationToken ct) =>
            {
                if (RequestValidation.Validate(request) is { } invalid)
                {
                    return invalid.ToProblem();
                }

                var updated = await writer.UpdateAsync(id, request, ct);
                return updated.IsSuccess ? Reply(await queries.DetailAsync(id, ct)) : updated.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(CatalogueManagers))
            .WithName("UpdateRight")
            .WithSummary("Change a right (a new revision; send expectedRevision to detect concurrent edits)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/withdraw", (Guid id, RightStatusRequest request, CatalogueWriter writer, CatalogueQueries queries, CancellationToken ct) =>
                SetStatusAsync(id, withdraw: true, request, writer, queries, ct))
            .RequireAuthorization(p => p.RequireRole(CatalogueManagers))
            .WithName("WithdrawRight")
            .WithSummary("Withdraw a right (rights are never deleted; redemptions keep pointing at it)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/reinstate", (Guid id, RightStatusRequest request, CatalogueWriter writer, CatalogueQueries queries, CancellationToken ct) =>
                SetStatusAsync(id, withdraw: false, request, writer, queries, ct))
            .RequireAuthorization(p => p.RequireRole(CatalogueManagers))
            .WithName("ReinstateRight")
            .WithSummary("Reinstate a withdrawn right")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void MapMe(RouteGroupBuilder group)
    {
        group.MapGet("/", async Task<Results<Ok<MyRightsView>, ProblemHttpResult>> (MyRights rights, CancellationToken ct) => Reply(await rights.GetAsync(ct)))
            .WithName("GetMyRights")
            .WithSummary("The rights my level gives today, where they are given and what is left of their quotas")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/family", async Task<Results<Ok<IReadOnlyList<FamilyMemberView>>, ProblemHttpResult>> (MyRights rights, FamilyRegister family, CancellationToken ct) =>
                await rights.TalentAsync(ct) is { } talent ? TypedResults.Ok(await family.ListAsync(talent.Id, ct)) : RightsErrors.NoProfile.ToProblem())
            .WithName("ListMyFamilyMembers")
            .WithSummary("My registered family members (names and ID numbers masked)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/family", async Task<Results<Created<FamilyMemberView>, ProblemHttpResult>> (AddFamilyMemberRequest request, MyRights rights, FamilyRegister family, CancellationToken ct) =>
            {
                if (await rights.TalentAsync(ct) is not { } talent)
                {
                    return RightsErrors.NoProfile.ToProblem();
                }

                var added = await family.AddAsync(talent.Id, request, ct);
                return added.IsSuccess ? TypedResults.Created($"/api/v1/rights/me/family/{added.Value.Id}", added.Value) : added.Error.ToProblem();
            })
            .WithName("AddMyFamilyMember")
            .WithSummary("Register a parent, spouse or child (name and ID number are stored encrypted)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapDelete("/family/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, MyRights rights, FamilyRegister family, CancellationToken ct) =>
            {
                if (await rights.TalentAsync(ct) is not { } talent)
                {
                    return RightsErrors.NoProfile.ToProblem();
                }

                var removed = await family.RemoveAsync(talent.Id, id, ct);
                return removed.IsSuccess ? TypedResults.NoContent() : removed.Error.ToProblem();
            })
            .WithName("RemoveMyFamilyMember")
            .WithSummary("Remove a registered family member (past redemptions keep their record)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/financing", async Task<Results<Ok<IReadOnlyList<FinancingView>>, ProblemHttpResult>> (MyRights rights, FinancingDesk desk, CancellationToken ct) =>
                await rights.TalentAsync(ct) is { } talent ? TypedResults.Ok(await desk.ListForTalentAsync(talent.Id, ct)) : RightsErrors.NoProfile.ToProblem())
            .WithName("ListMyFinancingApplications")
            .WithSummary("My financing applications and the banks' answers")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/financing", async Task<Results<Created<FinancingView>, ProblemHttpResult>> (ApplyFinancingRequest request, MyRights rights, FinancingDesk desk, CancellationToken ct) =>
            {
                if (RequestValidation.Validate(request) is { } invalid)
                {
                    return invalid.ToProblem();
                }

                if (await rights.TalentAsync(ct) is not { } talent)
                {
                    return RightsErrors.NoProfile.ToProblem();
                }

                var applied = await desk.ApplyAsync(talent, request.RightId, new FinancingRequest { AmountYuan = request.AmountYuan, TermMonths = request.TermMonths, Purpose = request.Purpose }, ct);
                return applied.IsSuccess ? TypedResults.Created($"/api/v1/rights/me/financing/{applied.Value.Id}", applied.Value) : applied.Error.ToProblem();
            })
            .WithName("ApplyForFinancing")
            .WithSummary("Apply for financing under a financial right (the right's bank answers)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void MapBank(RouteGroupBuilder group)
    {
        group.MapGet("/", async Task<Results<Ok<Page<FinancingView>>, ProblemHttpResult>> (ICurrentUser user, FinancingDesk desk, string? status, int? page, int? size, CancellationToken ct) =>
                user.OrganisationId is { } bank
                    ? TypedResults.Ok(await desk.ListForBankAsync(bank, status, new PageRequest(page ?? 1, size ?? PageRequest.DefaultSize), ct))
                    : RightsErrors.FinancingNotFound.ToProblem())
            .WithName("ListFinancingApplications")
            .WithSummary("Partner API: the financing applications made to my bank (newest first; filter by status)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}", async Task<Results<Ok<FinancingView>, ProblemHttpResult>> (Guid id, ICurrentUser user, FinancingDesk desk, CancellationToken ct) =>
                user.OrganisationId is { } bank ? Reply(await desk.GetForBankAsync(bank, id, ct)) : RightsErrors.FinancingNotFound.ToProblem())
            .WithName("GetFinancingApplication")
            .WithSummary("Partner API: one financing application made to my bank")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/answer", async Task<Results<Ok<FinancingView>, ProblemHttpResult>> (Guid id, FinancingAnswer request, ICurrentUser user, FinancingDesk desk, CancellationToken ct) =>
            {
                if (RequestValidation.Validate(request) is { } invalid)
                {
                    return invalid.ToProblem();
                }

                return user.OrganisationId is { } bank ? Reply(await desk.AnswerAsync(bank, id, request, user.AccountId, ct)) : RightsErrors.FinancingNotFound.ToProblem();
            })
            .WithName("AnswerFinancingApplication")
            .WithSummary("Partner API: approve (with an amount) or decline a financing application, once (Idempotency-Key)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Results<Ok<RightDetail>, ProblemHttpResult>> SetStatusAsync(Guid id, bool withdraw, RightStatusRequest request, CatalogueWriter writer, CatalogueQueries queries, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid.ToProblem();
        }

        var changed = await writer.SetStatusAsync(id, withdraw, request, ct);
        return changed.IsSuccess ? Reply(await queries.DetailAsync(id, ct)) : changed.Error.ToProblem();
    }

    private static Results<Ok<T>, ProblemHttpResult> Reply<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
}
