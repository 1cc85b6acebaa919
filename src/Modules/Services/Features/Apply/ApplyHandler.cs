using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Services.Features.Decisions;
using TalentPass.Modules.Services.Features.Views;
using TalentPass.Modules.Services.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Services.Features.Apply;

internal sealed record MatterInput
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(64, ErrorMessage = "最多64个字符 / At most 64 characters.")]
    public string? Code { get; init; }

    /// <summary>Material code → what was handed in (file name or document reference).</summary>
    public Dictionary<string, string>? Materials { get; init; }
}

internal sealed record ApplyRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    public List<MatterInput>? Matters { get; init; }
}

internal sealed record OneClickRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(64, ErrorMessage = "最多64个字符 / At most 64 characters.")]
    public string? Matter { get; init; }
}

internal sealed record WindowApplyRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    public Guid? TalentId { get; init; }

    /// <summary>The ID number read from the talent's card at the window; must match the registry.</summary>
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(18, MinimumLength = 18, ErrorMessage = "应为18位 / Must be 18 characters.")]
    public string? IdNumber { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    public List<MatterInput>? Matters { get; init; }
}

/// <summary>
/// Applying: online by the talent, one-click (everything from data sharing, decided at once when the rules allow),
/// or at any department / talent-office window on the talent's behalf after an identity check (一窗受理，全城通办).
/// </summary>
internal sealed class ApplyHandler(
    ApplicationPlanner planner,
    ApplicationWriter writer,
    DecisionDispatcher dispatcher,
    ApplicationViews views,
    ITalentDirectory talents,
    ITalentPersonalData personalData,
    ICurrentUser user,
    TimeProvider clock)
{
    public async Task<Result<ApplicationView>> ApplyOnlineAsync(ApplyRequest request, CancellationToken ct)
    {
        var talent = await MeAsync(ct);
        if (talent is null)
        {
            return ServicesErrors.NoProfile;
        }

        return await RunAsync(new ApplyCommand(talent, ToMatters(request.Matters!), Channels.Online, user.AccountId, null, null), ct);
    }

    public async Task<Result<ApplicationView>> OneClickAsync(OneClickRequest request, CancellationToken ct)
    {
        var talent = await MeAsync(ct);
        if (talent is null)
        {
            return ServicesErrors.NoProfile;
        }

        return await RunAsync(new ApplyCommand(talent, [new MatterRequest(request.Matter!.Trim())], Channels.OneClick, user.AccountId, null, null), ct);
    }

    public async Task<Result<ApplicationView>> ApplyAtWindowAsync(WindowApplyRequest request, CancellationToken ct)
    {
        if (!user.IsInAnyRole(Roles.Department, Roles.TalentOffice) || user.OrganisationId is null)
        {
            return ServicesErrors.WindowOnly;
        }

        var talent = await talents.GetAsync(request.TalentId!.Value, ct);
        if (talent is null)
        {
            return ServicesErrors.TalentNotFound;
        }

        var identity = await personalData.GetIdentityAsync(talent.Id, $"services:window-identity-check:{user.OrganisationId}", ct);
        if (identity is null || !string.Equals(identity.IdNumber, request.IdNumber!.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return ServicesErrors.IdentityMismatch;
        }

        return await RunAsync(new ApplyCommand(talent, ToMatters(request.Matters!), Channels.Window, user.AccountId, user.OrganisationId, clock.GetUtcNow()), ct);
    }

    private async Task<TalentSummary?> MeAsync(CancellationToken ct) =>
        user.AccountId is { } account ? await talents.FindByAccountAsync(account, ct) : null;

    private static List<MatterRequest> ToMatters(List<MatterInput> inputs) =>
        inputs.Where(m => m.Code is not null).Select(m => new MatterRequest(m.Code!.Trim(), m.Materials)).ToList();

    private async Task<Result<ApplicationView>> RunAsync(ApplyCommand command, CancellationToken ct)
    {
        var context = await planner.ContextAsync(command.Matters.Select(m => m.Code).ToList(), ct);
        var check = await planner.CheckAsync(command, context, ct);
        if (!check.IsSuccess)
        {
            return check.Error;
        }

        var plan = await planner.PlanAsync(command, context, ct);
        try
        {
            await writer.WriteAsync([plan], ct);
        }
        catch (System.Data.Common.DbException ex) when (IsUniqueViolation(ex))
        {
            // Two submissions raced: the open-application index let only one in.
            return ServicesErrors.Duplicate(context.Matters[command.Matters[0].Code].Matter.NameZh);
        }

        await dispatcher.DispatchAsync(plan.Decisions.Select(d => d.ItemId).ToList(), ct);
        return (await views.GetAsync(plan.Application.Id, ct))!;
    }

    private static bool IsUniqueViolation(System.Data.Common.DbException ex) =>
        ex is Npgsql.PostgresException { SqlState: "23505" } || (ex is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 });

    public static void Map(RouteGroupBuilder services)
    {
        services.MapPost("/applications", async Task<Results<Created<ApplicationView>, ProblemHttpResult>> (ApplyRequest request, ApplyHandler handler, CancellationToken ct) =>
            {
                var invalid = RequestValidation.Validate(request);
                if (invalid is not null)
                {
                    return invalid.ToProblem();
                }

                var result = await handler.ApplyOnlineAsync(request, ct);
                return result.IsSuccess ? TypedResults.Created($"/api/v1/services/applications/{result.Value.Id}", result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Talent))
            .WithName("ApplyForMatters")
            .WithSummary("Apply online for one or more matters (talent)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        services.MapPost("/one-click", async Task<Results<Created<ApplicationView>, ProblemHttpResult>> (OneClickRequest request, ApplyHandler handler, CancellationToken ct) =>
            {
                var invalid = RequestValidation.Validate(request);
                if (invalid is not null)
                {
                    return invalid.ToProblem();
                }

                var result = await handler.OneClickAsync(request, ct);
                return result.IsSuccess ? TypedResults.Created($"/api/v1/services/applications/{result.Value.Id}", result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Talent))
            .WithName("ApplyWithOneClick")
            .WithSummary("One-click application prefilled from data sharing; approved at once when the 免审即享 rules hold (talent)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        services.MapPost("/window-applications", async Task<Results<Created<ApplicationView>, ProblemHttpResult>> (WindowApplyRequest request, ApplyHandler handler, CancellationToken ct) =>
            {
                var invalid = RequestValidation.Validate(request);
                if (invalid is not null)
                {
                    return invalid.ToProblem();
                }

                var result = await handler.ApplyAtWindowAsync(request, ct);
                return result.IsSuccess ? TypedResults.Created($"/api/v1/services/applications/{result.Value.Id}", result.Value) : result.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Department, Roles.TalentOffice))
            .WithName("ApplyAtWindow")
            .WithSummary("Accept an application at a window on a talent's behalf after checking the ID number (department or talent-office staff)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
