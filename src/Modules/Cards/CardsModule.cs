using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Demo;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Cards.Contracts;
using TalentPass.Modules.Cards.Demo;
using TalentPass.Modules.Cards.Features;
using TalentPass.Modules.Cards.Features.Directory;
using TalentPass.Modules.Cards.Features.Events;
using TalentPass.Modules.Cards.Features.PartnerApplications;
using TalentPass.Modules.Cards.Features.PartnerCards;
using TalentPass.Modules.Cards.Features.Sync;
using TalentPass.Modules.Cards.Features.TalentCards;
using TalentPass.Modules.Cards.Features.VerifyCard;
using TalentPass.Modules.Cards.Persistence;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Cards;

/// <summary>Talent cards (人才卡): applications with consent, partner-issued cards, card verification, lifecycle webhooks (README.md).</summary>
public sealed class CardsModule : ITalentPassModule
{
    public string Name => "cards";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TalentPass.Infrastructure.PersonalData.IPersonalDataSource, Features.PersonalData.CardsPersonalDataSource>();
        services.AddSingleton(new ModuleMigrations(Name, typeof(CardsModule).Assembly));
        services.AddModuleDbContext<CardsDbContext>();
        services.AddOptions<CardsOptions>().Bind(configuration.GetSection(CardsOptions.Section));
        services.AddScoped<PartnerScope>();
        services.AddScoped<CardWebhooks>();
        services.AddScoped<TalentCardsHandler>();
        services.AddScoped<PartnerApplicationsHandler>();
        services.AddScoped<PartnerCardsHandler>();
        services.AddScoped<VerifyCardHandler>();
        services.AddScoped<Features.Overview.CardsOverviewHandler>();
        services.AddScoped<ICardDirectory, CardDirectory>();
        services.AddScoped<IPartnerStatusHandler, CardsPartnerStatusHandler>();
        services.AddScoped<ITalentEventHandler, CardsTalentEventHandler>();
        services.AddScoped<TalentFeedProcessor>();
        services.AddSingleton<FeedSignal>();
        services.AddSingleton<VerificationLog>();
        services.AddHostedService(sp => sp.GetRequiredService<VerificationLog>());
        services.AddHostedService<TalentFeedConsumer>();
        services.AddScoped<IDemoSeeder, CardsDemoSeeder>();
        services.AddScoped<TalentPass.Infrastructure.Reporting.IReportSource, Features.Reporting.CardsReportSource>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // Terminal verification is a read: the partner-API policy (bearer partner_staff or HMAC, partner active) without
        // the idempotency key and the per-partner rate limit that RequirePartnerApi() adds for the back-office calls.
        VerifyCardHandler.Map(endpoints.MapGroup("/api/v1/cards").WithTags("Cards").RequireAuthorization(PartnerApi.Policy));

        var cards = endpoints.MapGroup("/api/v1/cards").WithTags("Cards").RequirePartnerApi();
        PartnerApplicationsHandler.Map(cards);
        PartnerCardsHandler.Map(cards);

        var mine = endpoints.MapGroup("/api/v1/me/cards").WithTags("Cards")
            .RequireAuthorization(p => p.RequireRole(Roles.Talent));
        TalentCardsHandler.Map(mine);
    }
}
