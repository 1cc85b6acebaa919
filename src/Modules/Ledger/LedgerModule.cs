using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Modules.Ledger.Features.Append;
using TalentPass.Modules.Ledger.Persistence;
using TalentPass.Modules.Ledger.Sequencing;

namespace TalentPass.Modules.Ledger;

/// <summary>The evidence ledger: a transparency log with signed checkpoints, tiles, proofs and witnesses (README.md).</summary>
public sealed class LedgerModule : ITalentPassModule
{
    public string Name => "ledger";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ModuleMigrations(Name, typeof(LedgerModule).Assembly));
        services.AddModuleDbContext<LedgerDbContext>();
        services.AddOptions<LedgerOptions>()
            .Bind(configuration.GetSection(LedgerOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.WitnessQuorum <= o.Witnesses.Count, "Ledger:WitnessQuorum cannot exceed the number of Ledger:Witnesses.")
            .ValidateOnStart();
        services.AddSingleton<SequencerLease>();
        services.AddSingleton<LedgerSequencer>();
        services.AddSingleton<LedgerAppender>();
        services.AddScoped<LedgerService>();
        services.AddScoped<ILedger>(sp => sp.GetRequiredService<LedgerService>());
        services.AddScoped<LedgerJobs>();
        services.AddHostedService<LedgerBackgroundService>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
