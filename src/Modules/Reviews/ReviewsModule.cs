using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Demo;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Infrastructure.PersonalData;
using TalentPass.Modules.Reviews.Contracts;
using TalentPass.Modules.Reviews.Demo;
using TalentPass.Modules.Reviews.Features.Campaigns;
using TalentPass.Modules.Reviews.Features.Directory;
using TalentPass.Modules.Reviews.Features.Jobs;
using TalentPass.Modules.Reviews.Features.MyReview;
using TalentPass.Modules.Reviews.Features.PersonalData;
using TalentPass.Modules.Reviews.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Reviews;

/// <summary>Periodic review campaigns (定期复核) (README.md).</summary>
public sealed class ReviewsModule : ITalentPassModule
{
    public string Name => "reviews";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ModuleMigrations(Name, typeof(ReviewsModule).Assembly));
        services.AddModuleDbContext<ReviewsDbContext>();
        services.AddOptions<ReviewsOptions>().Bind(configuration.GetSection(ReviewsOptions.Section));
        services.AddScoped<IReviewDirectory, ReviewDirectory>();
        services.AddScoped<CampaignLauncher>();
        services.AddScoped<CampaignsHandler>();
        services.AddScoped<MyReviewHandler>();
        services.AddScoped<ReviewsWork>();
        services.AddSingleton<ReviewsJobSignal>();
        services.AddHostedService<ReviewsJob>();
        services.AddScoped<IPersonalDataSource, ReviewsPersonalDataSource>();
        services.AddScoped<IDemoSeeder, ReviewsDemoSeeder>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var root = endpoints.MapGroup("/api/v1/reviews").WithTags("Reviews");
        ReviewsEndpoints.MapOffice(root.MapGroup(string.Empty).RequireAuthorization(p => p.RequireRole(Roles.TalentOffice)));
        ReviewsEndpoints.MapTalent(root.MapGroup(string.Empty).RequireAuthorization(p => p.RequireRole(Roles.Talent)));
    }
}
