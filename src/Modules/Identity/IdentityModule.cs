using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Demo;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Identity.Demo;
using TalentPass.Modules.Identity.Domain;
using TalentPass.Modules.Identity.Features.Accounts;
using TalentPass.Modules.Identity.Features.Auth;
using TalentPass.Modules.Identity.Features.Organisations;
using TalentPass.Modules.Identity.Persistence;

namespace TalentPass.Modules.Identity;

public sealed class IdentityModule : ITalentPassModule
{
    /// <summary>The default scheme: bearer when an <c>Authorization: Bearer</c> header is present, else the cookie (see <see cref="TalentPassAuthenticationHandler"/>).</summary>
    public const string PolicyScheme = "TalentPass";

    public const string CookieName = "tp.auth";

    public string Name => "identity";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ModuleMigrations(Name, typeof(IdentityModule).Assembly));
        services.AddModuleDbContext<IdentityDbContext>();
        services.AddOptions<IdentityLockoutOptions>().Bind(configuration.GetSection(IdentityLockoutOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IdentityTokenOptions>().Bind(configuration.GetSection(IdentityTokenOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IdentitySessionOptions>().Bind(configuration.GetSection(IdentitySessionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AccountValidityCache>();
        services.AddScoped<IPasswordHasher<AccountRow>, PasswordHasher<AccountRow>>();
        services.AddScoped<IOrganisationDirectory, OrganisationDirectory>();
        services.AddScoped<IAccountDirectory, AccountDirectory>();
        services.AddScoped<IOrganisationProvisioning, OrganisationProvisioning>();
        services.AddScoped<SignInService>();
        services.AddScoped<OrganisationService>();
        services.AddScoped<AccountService>();
        services.AddScoped<IDemoSeeder, IdentityDemoSeeder>();

        // Data Protection keys live in the database (encrypted with the field-protection key), shared by all nodes.
        services.AddDataProtection().SetApplicationName("TalentPass");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>());
            o.XmlEncryptor = new FieldProtectorXmlEncryptor(sp.GetRequiredService<IFieldProtector>());
        }));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = PolicyScheme;
                o.DefaultChallengeScheme = PolicyScheme;
                o.DefaultForbidScheme = PolicyScheme;
                o.DefaultSignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultSignOutScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, TalentPassAuthenticationHandler>(PolicyScheme, "Cookie or bearer token", _ => { })
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.LoginPath = "/account/signin";
                o.AccessDeniedPath = "/account/denied";
                o.ReturnUrlParameter = "returnUrl";
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events = new CookieAuthenticationEvents
                {
                    OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden),
                    OnRedirectToLogout = ctx => ApiAwareRedirect(ctx, StatusCodes.Status200OK),
                    OnRedirectToReturnUrl = ctx => ApiAwareRedirect(ctx, StatusCodes.Status200OK),
                };
            })
            .AddBearerToken(BearerTokenDefaults.AuthenticationScheme);
        services.AddOptions<BearerTokenOptions>(BearerTokenDefaults.AuthenticationScheme)
            .Configure<IOptions<IdentityTokenOptions>>((o, tokens) => o.BearerTokenExpiration = tokens.Value.Lifetime);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        AuthEndpoints.Map(endpoints);
        OrganisationEndpoints.Map(endpoints);
        AccountEndpoints.Map(endpoints);
    }

    /// <summary>API paths never redirect: they answer 401/403 and the problem-details middleware adds the code.</summary>
    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
