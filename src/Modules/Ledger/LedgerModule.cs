using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Modules.Ledger.Features.Append;
using TalentPass.Modules.Ledger.Features.Checkpoints;
using TalentPass.Modules.Ledger.Features.Proofs;
using TalentPass.Modules.Ledger.Features.Tiles;
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
        services.AddSingleton<LedgerKeyRing>();
        services.AddHttpClient<WitnessClient>(c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddScoped<CheckpointPublisher>();
        services.AddScoped<CheckpointReader>();
        services.AddScoped<ProofService>();
        services.AddHostedService<LedgerBackgroundService>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        TileEndpoints.Map(endpoints);
        var ledger = endpoints.MapGroup("/api/v1/ledger").WithTags("Ledger");
        ProofEndpoints.Map(ledger);
    }
}
