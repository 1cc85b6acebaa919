using System.Globalization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Demo;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Ui;
using TalentPass.Web.Components;

namespace TalentPass.Web.Hosting;

public static class HostingExtensions
{
    private static readonly CultureInfo[] Cultures = [new(Loc.Chinese), new(Loc.English)];

    public static WebApplicationBuilder AddTalentPassHost(this WebApplicationBuilder builder, IReadOnlyList<ITalentPassModule> modules)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }
        else
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = false);
        }


        services.AddTalentPassCore(builder.Configuration, modules, forWeb: true);
        if (builder.Configuration.GetValue<bool>("StandIns:Enabled"))
        {
            services.AddHostedService<StandInsHostedService>();
        }
        services.AddOptions<CityOptions>().Bind(builder.Configuration.GetSection(CityOptions.Section));
        services.AddOptions<DemoOptions>()
            .Validate(
                o => !o.Enabled || !builder.Environment.IsProduction(),
                "Demo mode (Demo:Enabled) is refused in a production environment: demo accounts have a published password.")
            .ValidateOnStart();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailsDefaults.Customise);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddOpenApi(o => o.AddDocumentTransformer<OpenApiInfoTransformer>());

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Loc.Chinese);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        // Schemes (cookie for the browser, bearer for the API) and policies are added by the Identity module.
        services.AddAuthentication();
        services.AddAuthorization();
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        return builder;
    }

    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>()
            .InitialiseAsync(database.MigrateOnStartup, app.Lifetime.ApplicationStopping);
    }

    public static WebApplication UseTalentPassPipeline(this WebApplication app, IReadOnlyList<ITalentPassModule> modules)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(modules);

        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(ctx => !IsApi(ctx), ui => ui.UseExceptionHandler("/error", createScopeForErrors: true));
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return next(context);
        });

        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).ExcludeFromDescription();
        app.MapOpenApi();
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext context) =>
            {
                var chosen = culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Loc.English : Loc.Chinese;
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions { Expires = DateTimeOffset.MaxValue.AddYears(-1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
                return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) ? "/" : returnUrl);
            })
            .ExcludeFromDescription();

        foreach (var module in modules)
        {
            module.MapEndpoints(app);
        }

        app.MapRazorComponents<App>()
            .AddAdditionalAssemblies(modules.Select(m => m.GetType().Assembly).Distinct().ToArray());
        return app;
    }

    /// <summary>JSON API and machine endpoints answer with problem details, never HTML.</summary>
    public static bool IsApi(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi");
    }
}

internal sealed class DatabaseHealthCheck(IDbConnectionFactory connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM tp_schema_migrations";
            var applied = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            return applied > 0
                ? HealthCheckResult.Healthy($"{connections.Provider}: {applied} migrations applied")
                : HealthCheckResult.Unhealthy("The database has no migrations applied: run `talentpass migrate`.");
        }
#pragma warning disable CA1031 // a health check reports any failure as unhealthy
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy($"{connections.Provider} database unreachable", ex);
        }
    }
}

internal static class ProblemDetailsDefaults
{
    /// <summary>Every problem gets a stable <c>code</c> and the trace id, even the framework's own 401/404/405.</summary>
    public static void Customise(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!problem.Extensions.ContainsKey("code"))
        {
            var code = problem.Status switch
            {
                StatusCodes.Status400BadRequest => "request.malformed",
                StatusCodes.Status401Unauthorized => "auth.unauthenticated",
                StatusCodes.Status403Forbidden => "auth.forbidden",
                StatusCodes.Status404NotFound => "http.not_found",
                StatusCodes.Status405MethodNotAllowed => "http.method_not_allowed",
                StatusCodes.Status413PayloadTooLarge => "request.too_large",
                StatusCodes.Status415UnsupportedMediaType => "request.unsupported_media_type",
                StatusCodes.Status429TooManyRequests => "http.too_many_requests",
                _ => "server.unexpected",
            };
            problem.Extensions["code"] = code;
            problem.Type ??= Infrastructure.Http.Problems.TypePrefix + code;
        }

        problem.Extensions["traceId"] = context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity?.Id ?? context.HttpContext.TraceIdentifier;
    }
}
