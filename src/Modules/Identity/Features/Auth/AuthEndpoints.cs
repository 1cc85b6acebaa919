using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Identity.Domain;
using TalentPass.Modules.Identity.Features.Organisations;
using TalentPass.Modules.Identity.Persistence;

namespace TalentPass.Modules.Identity.Features.Auth;

internal sealed record TokenRequest(string? Username, string? Password);

internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] long ExpiresIn);

internal sealed record MeResponse(Guid Id, string Username, string DisplayName, IReadOnlyList<string> Roles, OrganisationView? Organisation);

internal static class AuthEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/v1/auth").WithTags("Auth");
        auth.MapPost("/token", IssueTokenAsync)
            .AllowAnonymous()
            .WithName("IssueToken")
            .WithSummary("Signs in with username and password and returns an opaque bearer token for the API.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapGet("/me", GetMeAsync)
            .RequireAuthorization()
            .WithName("GetCurrentAccount")
            .WithSummary("The signed-in account: id, username, display name, roles and organisation.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        endpoints.MapPost("/account/signout", SignOutAsync).ExcludeFromDescription();
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest? request,
        SignInService signIn,
        IOptionsMonitor<BearerTokenOptions> bearer,
        TimeProvider clock,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return TalentPass.SharedKernel.Error.Validation("request.body_missing", "The request body is missing.").ToProblem();
        }

        var result = await signIn.SignInAsync(request.Username, request.Password, "api", cancellationToken);
        if (!result.IsSuccess)
        {
            SetRetryAfter(context, signIn.RetryAfter, result.Error.Code);
            return result.Error.ToProblem();
        }

        var options = bearer.Get(BearerTokenDefaults.AuthenticationScheme);
        var now = clock.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(result.Value.Principal, properties, BearerTokenDefaults.AuthenticationScheme);
        var token = options.BearerTokenProtector.Protect(ticket);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", (long)options.BearerTokenExpiration.TotalSeconds));
    }

    internal static void SetRetryAfter(HttpContext context, TimeSpan? retryAfter, string code)
    {
        if (code == IdentityErrors.LockedOut.Code && retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetMeAsync(
        ICurrentUser user,
        IdentityDbContext db,
        CancellationToken cancellationToken)
    {
        var account = user.AccountId is { } id
            ? await db.Accounts.AsNoTracking().Include(a => a.Roles).SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            : null;
        if (account is null)
        {
            return IdentityErrors.AccountNotFound.ToProblem();
        }

        var organisation = account.OrganisationId is { } orgId
            ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, cancellationToken)
            : null;
        return TypedResults.Ok(new MeResponse(
            account.Id,
            account.Username,
            account.DisplayName,
            account.Roles.Select(r => r.Role).Order(StringComparer.Ordinal).ToList(),
            organisation is null ? null : OrganisationView.From(organisation)));
    }

    /// <summary>Browser sign-out: a form post from the layout, antiforgery-validated, then back to the sign-in page.</summary>
    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, IAuditTrail audit)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }

        if (context.User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(new AuditRecord("auth.sign_out", "account", context.User.FindFirst(TalentPass.SharedKernel.TalentPassClaims.AccountId)?.Value), context.RequestAborted);
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect("/account/signin");
    }
}
