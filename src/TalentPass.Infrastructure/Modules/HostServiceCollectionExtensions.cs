using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Demo;
using TalentPass.Infrastructure.Http;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Infrastructure.Security;

namespace TalentPass.Infrastructure.Modules;

public static class HostServiceCollectionExtensions
{
    /// <summary>What the web host and the CLI share: clock, database, field protection, demo options and every module.</summary>
    public static IServiceCollection AddTalentPassCore(
        this IServiceCollection services,
        IConfiguration configuration,
        IReadOnlyList<ITalentPassModule> modules,
        bool forWeb)
    {
        ArgumentNullException.ThrowIfNull(modules);
        services.AddSingleton(TimeProvider.System);
        services.AddTalentPassDatabase(configuration);
        services.AddFieldProtection(configuration);
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section));
        services.AddScoped<DatabaseInitializer>();

        // The web host sets the address once its in-process stand-ins listen (StandIns:Enabled); elsewhere there are none.
        var standIns = new StandIns.StandInAddress();
        if (!forWeb || !configuration.GetValue<bool>("StandIns:Enabled"))
        {
            standIns.Set(null);
        }

        services.AddSingleton(standIns);
        if (forWeb)
        {
            services.AddHttpContextAccessor();
            services.AddScoped<ICurrentUser, HttpCurrentUser>();
        }
        else
        {
            services.AddSingleton<ICurrentUser, SystemCurrentUser>();
        }

        foreach (var module in modules)
        {
            services.AddSingleton(module);
            module.AddServices(services, configuration);
        }

        return services;
    }
}
