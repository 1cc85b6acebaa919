using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TalentPass.Composition;
using TalentPass.Infrastructure.Modules;

namespace TalentPass.Cli;

/// <summary>
/// Builds the same service registrations as the web host, in process, acting as the system user. Reads
/// <c>appsettings.json</c> next to the binary, <c>appsettings.{Environment}.json</c> and environment variables
/// (e.g. <c>Database__Provider=Postgres</c>, <c>ConnectionStrings__TalentPass=...</c>).
/// </summary>
internal static class CliHost
{
    /// <summary>Extra settings layered over the configuration (tests point the CLI at their database).</summary>
    public static IReadOnlyDictionary<string, string?>? Overrides { get; set; }

    public static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        if (Overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(Overrides);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.AddTalentPassCore(builder.Configuration, ModuleCatalog.All, forWeb: false);
        return builder.Build();
    }
}
