using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.PersonalData;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Redemptions.Contracts;
using TalentPass.Modules.Redemptions.Features;
using TalentPass.Modules.Redemptions.Features.Feed;
using TalentPass.Modules.Redemptions.Features.History;
using TalentPass.Modules.Redemptions.Features.Lookup;
using TalentPass.Modules.Redemptions.Features.Offline;
using TalentPass.Modules.Redemptions.Features.PersonalData;
using TalentPass.Modules.Redemptions.Features.Redeem;
using TalentPass.Modules.Redemptions.Features.Reverse;
using TalentPass.Modules.Redemptions.Features.Usage;
using TalentPass.Modules.Redemptions.Persistence;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Redemptions;

/// <summary>Redemption of rights at service points with atomic quotas, reversal, offline sync (issue 6; README.md).</summary>
public sealed class RedemptionsModule : ITalentPassModule
{
    public string Name => "redemptions";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ModuleMigrations(Name, typeof(RedemptionsModule).Assembly));
        services.AddModuleDbContext<RedemptionsDbContext>();
        services.AddOptions<RedemptionsOptions>().Bind(configuration.GetSection(RedemptionsOptions.Section)).ValidateDataAnnotations();
        services.AddSingleton<RedemptionStore>();
        services.AddScoped<TalentResolver>();
        services.AddScoped<LookupHandler>();
        services.AddScoped<RedeemHandler>();
        services.AddScoped<ReverseHandler>();
        services.AddScoped<OfflineBatchHandler>();
        services.AddScoped<HistoryHandler>();
        services.AddScoped<IRedemptionFeed, RedemptionFeed>();
        services.AddScoped<IRightsUsage, RightsUsage>();
        services.AddScoped<IPersonalDataSource, RedemptionsPersonalDataSource>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var staff = endpoints.MapGroup("/api/v1/redemptions").WithTags("Redemptions")
            .RequireAuthorization(p => p.RequireRole(RedemptionsEndpoints.Redeemers));
        LookupHandler.Map(staff);
        RedemptionsEndpoints.MapRedeem(staff);
        ReverseHandler.Map(staff);
        OfflineBatchHandler.Map(staff);

        var history = endpoints.MapGroup("/api/v1/redemptions").WithTags("Redemptions");
        var me = endpoints.MapGroup("/api/v1/redemptions/me").WithTags("Redemptions").RequireAuthorization(p => p.RequireRole(Roles.Talent));
        HistoryHandler.Map(history, me);
    }
}
