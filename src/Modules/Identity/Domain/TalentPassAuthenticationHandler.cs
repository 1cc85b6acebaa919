using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalentPass.Modules.Identity.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Identity.Domain;

/// <summary>
/// The default scheme. Picks the bearer scheme when an <c>Authorization: Bearer</c> header is present, else the
/// cookie, and then re-checks the principal against the account: a deactivated or locked account, or one
/// whose roles, password or status changed since sign-in (its <c>version</c> moved on), is refused at once on the
/// node that made the change and within <see cref="IdentitySessionOptions.RecheckInterval"/> on the others, instead of
/// when the cookie or token expires (one primary-key look-up per account and interval, see
/// <see cref="AccountValidityCache"/>).
/// Challenges and forbids go to the chosen scheme (cookie: redirect for pages, 401/403 on <c>/api</c>).
/// </summary>
internal sealed class TalentPassAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public static string SelectScheme(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var authorization = context.Request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? BearerTokenDefaults.AuthenticationScheme
            : CookieAuthenticationDefaults.AuthenticationScheme;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var result = await Context.AuthenticateAsync(SelectScheme(Context));
        if (!result.Succeeded || result.Principal is null)
        {
            return result;
        }

        if (!await IsStillValidAsync(result.Principal))
        {
            if (SelectScheme(Context) == CookieAuthenticationDefaults.AuthenticationScheme)
            {
                // The session will never count again: drop the cookie instead of sending it on every request.
                Context.Response.Cookies.Delete(IdentityModule.CookieName);
            }

            return AuthenticateResult.Fail("The account was deactivated, locked or changed since sign-in.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(result.Principal, result.Properties, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Context.ChallengeAsync(SelectScheme(Context), properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Context.ForbidAsync(SelectScheme(Context), properties);

    private async Task<bool> IsStillValidAsync(ClaimsPrincipal principal)
    {
        if (!Guid.TryParse(principal.FindFirstValue(TalentPassClaims.AccountId), out var accountId))
        {
            return false;
        }

        var cache = Context.RequestServices.GetRequiredService<AccountValidityCache>();
        if (!cache.TryGet(accountId, out var account))
        {
            var db = Context.RequestServices.GetRequiredService<IdentityDbContext>();
            var row = await db.Accounts.AsNoTracking()
                .Where(a => a.Id == accountId)
                .Select(a => new { a.IsActive, a.LockoutEnd, a.Version })
                .SingleOrDefaultAsync(Context.RequestAborted);
            account = row is null ? default : new AccountValidity(true, row.IsActive, row.LockoutEnd, row.Version);
            cache.Set(accountId, account);
        }

        var version = principal.FindFirstValue(PrincipalFactory.VersionClaim);
        return account.Exists
            && account.IsActive
            && (account.LockoutEnd is null || account.LockoutEnd <= TimeProvider.GetUtcNow())
            && version == account.Version.ToString(CultureInfo.InvariantCulture);
    }
}
