using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.Modules.Webhooks.Contracts;
using TalentPass.Modules.Webhooks.Features.Deliveries;
using TalentPass.Modules.Webhooks.Features.Delivery;
using TalentPass.Modules.Webhooks.Features.Endpoints;
using TalentPass.Modules.Webhooks.Features.Outbox;
using TalentPass.Modules.Webhooks.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Webhooks;

/// <summary>Partner webhooks: endpoints and secrets, the transactional outbox and its ordered, signed delivery (README.md).</summary>
public sealed class WebhooksModule : ITalentPassModule
{
    public string Name => "webhooks";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ModuleMigrations(Name, typeof(WebhooksModule).Assembly));
        services.AddModuleDbContext<WebhooksDbContext>();
        services.AddOptions<WebhooksOptions>()
            .Bind(configuration.GetSection(WebhooksOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.LeaseDuration > o.RequestTimeout, "Webhooks:LeaseDuration must exceed Webhooks:RequestTimeout.")
            .ValidateOnStart();
        services.AddSingleton<DispatchSignal>();
        services.AddSingleton<DestinationGuard>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<EndpointKeys>();
        services.AddScoped<IWebhookOutbox, WebhookOutbox>();
        services.AddHttpClient(WebhookDispatcher.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var guard = sp.GetRequiredService<DestinationGuard>();
                var o = sp.GetRequiredService<IOptions<WebhooksOptions>>().Value;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    UseProxy = false,
                    ConnectCallback = guard.ConnectAsync,
                    ConnectTimeout = o.RequestTimeout,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    MaxConnectionsPerServer = o.MaxConcurrency,
                };
            });
        services.AddScoped<WebhookEndpointsHandler>();
        services.AddScoped<DeliveriesHandler>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // The partner API: a partner's own endpoint and deliveries (HMAC-signed requests or a partner_staff bearer token).
        var partner = endpoints.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequirePartnerApi();
        WebhookEndpointsHandler.MapPartner(partner);
        DeliveriesHandler.Map(partner, "Partner");

        // The talent office's view of every partner's endpoint and deliveries.
        var office = endpoints.MapGroup("/api/v1/webhooks/office").WithTags("Webhooks")
            .RequireAuthorization(p => p.RequireRole(WebhookEndpointsHandler.OfficeRoles));
        WebhookEndpointsHandler.MapOffice(office);
        DeliveriesHandler.Map(office, "Office");
    }
}
