using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Codes.Domain;
using TalentPass.Modules.Codes.Features.Keys;
using TalentPass.Modules.Codes.Features.Subjects;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;
using TalentPass.Verifier;

namespace TalentPass.Modules.Codes.Features.IssueCode;

/// <summary>A freshly signed code and what the talent's page shows beside it.</summary>
internal sealed record IssuedCode(
    string Code,
    string Mode,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    int PeriodSeconds,
    int RefreshAfterSeconds,
    string Level,
    string Category,
    string MaskedName,
    IReadOnlyList<string> Rights);

/// <summary><see cref="IssuedCode"/> with its QR image as SVG (GET /api/v1/codes/me, POST /api/v1/codes/me/static).</summary>
internal sealed record MyCodeResponse(
    string Code,
    string Mode,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    int PeriodSeconds,
    int RefreshAfterSeconds,
    string Level,
    string Category,
    string MaskedName,
    IReadOnlyList<string> Rights,
    string QrSvg)
{
    public static MyCodeResponse From(IssuedCode c) =>
        new(c.Code, c.Mode, c.IssuedAt, c.ExpiresAt, c.PeriodSeconds, c.RefreshAfterSeconds, c.Level, c.Category, c.MaskedName, c.Rights, QrImages.Svg(c.Code));
}

/// <summary>
/// Issues the signed-in talent's code from the registry's current state (so a level change reaches the next code
/// at once): only an active talent of an eligible level gets one. Dynamic codes live one period; static codes
/// <see cref="CodesOptions.StaticCodeLifetime"/>, never beyond the signing key's validity.
/// </summary>
internal sealed class IssueCodeHandler(
    ITalentDirectory talents,
    SubjectRegistry subjects,
    KeyRing keys,
    ICurrentUser user,
    IOptions<CodesOptions> options,
    TimeProvider clock)
{
    public async Task<Result<IssuedCode>> IssueAsync(CodeMode mode, CancellationToken ct)
    {
        if (user.AccountId is not { } accountId || await talents.FindByAccountAsync(accountId, ct) is not { } talent)
        {
            return CodesErrors.NoTalent;
        }

        var o = options.Value;
        if (talent.Status != "active" || !o.EligibleLevels.Contains(talent.Level, StringComparer.Ordinal))
        {
            return CodesErrors.NotEligible;
        }

        var subject = await subjects.GetOrCreateAsync(talent.Id, EntryStatus.Valid, ct);
        var issuer = await keys.IssuerAsync(ct);
        var now = DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().ToUnixTimeSeconds());
        var expires = mode == CodeMode.Dynamic ? now.Add(o.Period) : now.Add(o.StaticCodeLifetime);
        if (expires > issuer.NotAfter)
        {
            expires = issuer.NotAfter;
        }

        var rights = LevelRights.For(talent.Level);
        var claims = new TalentCodeClaims
        {
            Issuer = o.Issuer,
            SubjectId = subject.SubjectId,
            IssuedAt = now,
            ExpiresAt = expires,
            Level = talent.Level,
            Category = talent.Category,
            StatusListId = (uint)subject.StatusListId,
            StatusListIndex = (uint)subject.StatusListIndex,
            Rights = rights,
            MaskedName = talent.MaskedName,
            Mode = mode,
        };
        var code = TalentCode.Encode(claims, issuer.Signer);
        var refreshAfter = mode == CodeMode.Dynamic ? o.PeriodSeconds : (int)Math.Min(int.MaxValue, (expires - now).TotalSeconds);
        return new IssuedCode(code, ModeName(mode), now, expires, o.PeriodSeconds, refreshAfter, talent.Level, talent.Category, talent.MaskedName, LevelRights.ToNames(rights));
    }

    public static string ModeName(CodeMode mode) => mode == CodeMode.Static ? "static" : "dynamic";

    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/", async Task<Results<Ok<MyCodeResponse>, ProblemHttpResult>> (HttpContext context, IssueCodeHandler handler, CancellationToken ct) =>
            {
                NoStore(context);
                var result = await handler.IssueAsync(CodeMode.Dynamic, ct);
                return result.IsSuccess ? TypedResults.Ok(MyCodeResponse.From(result.Value)) : result.Error.ToProblem();
            })
            .WithName("GetMyCode")
            .WithSummary("The signed-in talent's dynamic code (refresh after refreshAfterSeconds) with its QR image as SVG")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        me.MapGet("/qr.png", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (HttpContext context, IssueCodeHandler handler, CancellationToken ct) =>
            {
                NoStore(context);
                var result = await handler.IssueAsync(CodeMode.Dynamic, ct);
                return result.IsSuccess ? TypedResults.File(QrImages.Png(result.Value.Code), "image/png") : result.Error.ToProblem();
            })
            .WithName("GetMyCodePng")
            .WithSummary("A fresh dynamic code of the signed-in talent as a QR PNG (ECC level M)")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        me.MapPost("/static", async Task<Results<Ok<MyCodeResponse>, ProblemHttpResult>> (HttpContext context, IssueCodeHandler handler, CancellationToken ct) =>
            {
                NoStore(context);
                var result = await handler.IssueAsync(CodeMode.Static, ct);
                return result.IsSuccess ? TypedResults.Ok(MyCodeResponse.From(result.Value)) : result.Error.ToProblem();
            })
            .WithName("IssueMyStaticCode")
            .WithSummary("A static code to print (mode static, long expiry); accepted only where a right allows static codes")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void NoStore(HttpContext context) => context.Response.Headers.CacheControl = "no-store";
}
