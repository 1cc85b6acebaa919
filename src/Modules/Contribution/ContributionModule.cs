using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Infrastructure.Reporting;
using TalentPass.Modules.Contribution.Features;
using TalentPass.Modules.Contribution.Features.Feed;
using TalentPass.Modules.Contribution.Features.Formulas;
using TalentPass.Modules.Contribution.Features.Rankings;
using TalentPass.Modules.Contribution.Features.Reports;
using TalentPass.Modules.Contribution.Features.Rewards;
using TalentPass.Modules.Contribution.Persistence;

namespace TalentPass.Modules.Contribution;

/// <summary>Service-contribution value (服务贡献值), rankings, rewards, and the rights reports (issue 6, README.md).</summary>
public sealed class ContributionModule : ITalentPassModule
{
    public string Name => "contribution";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ModuleMigrations(Name, typeof(ContributionModule).Assembly));
        services.AddModuleDbContext<ContributionDbContext>();
        services.AddOptions<ContributionOptions>().Bind(configuration.GetSection(ContributionOptions.Section));
        services.AddScoped<ContributionReader>();
        services.AddScoped<FormulaVersions>();
        services.AddScoped<RewardDecisions>();
        services.AddScoped<RightsReport>();
        services.AddScoped<IReportSource>(sp => sp.GetRequiredService<RightsReport>());
        services.AddScoped<RedemptionFeedProcessor>();
        services.AddSingleton<ContributionFeedSignal>();
        services.AddHostedService<RedemptionFeedConsumer>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        ContributionEndpoints.Map(endpoints.MapGroup("/api/v1/contribution").WithTags("Contribution"));
    }
}
