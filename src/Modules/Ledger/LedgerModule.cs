using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Demo;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Modules.Ledger.Demo;
using TalentPass.Modules.Ledger.Features.Append;
using TalentPass.Modules.Ledger.Features.Audit;
using TalentPass.Modules.Ledger.Features.Checkpoints;
using TalentPass.Modules.Ledger.Features.Proofs;
using TalentPass.Modules.Ledger.Features.RecordTalentDecisions;
using TalentPass.Modules.Ledger.Features.SearchEntries;
using TalentPass.Modules.Ledger.Features.SubmitEntry;
using TalentPass.Modules.Ledger.Features.SubmitterKeys;
using TalentPass.Modules.Ledger.Features.Tiles;
using TalentPass.Modules.Ledger.Persistence;
using TalentPass.Modules.Ledger.Sequencing;
using TalentPass.Modules.Talents.Contracts;

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
            .Validate(o => !string.IsNullOrWhiteSpace(o.KeyEncryptionKey) || o.AllowGeneratedKeys, "Ledger:KeyEncryptionKey must be set (base64 of 32 bytes), or Ledger:AllowGeneratedKeys=true for a demo or development.")
            .ValidateOnStart();
        services.AddSingleton<SequencerLease>();
        services.AddSingleton<LedgerSequencer>();
        services.AddSingleton<LedgerAppender>();
        services.AddScoped<LedgerService>();
        services.AddScoped<ILedger>(sp => sp.GetRequiredService<LedgerService>());
        services.AddScoped<LedgerJobs>();
        services.AddSingleton<LedgerKeyRing>();
        services.AddHttpClient(CheckpointPublisher.WitnessHttpClient, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddScoped<CheckpointPublisher>();
        services.AddScoped<CheckpointReader>();
        services.AddScoped<ProofService>();
        services.AddScoped<SubmitterKeysHandler>();
        services.AddScoped<SubmitEntryHandler>();
        services.AddScoped<SearchEntriesHandler>();
        services.AddScoped<ILedgerAuditor, LedgerAuditor>();
        services.AddScoped<ILedgerCheckpoints, LedgerCheckpoints>();
        services.AddScoped<ITalentEventHandler, TalentDecisionRecorder>();
        services.AddScoped<IDemoSeeder, LedgerDemoSeeder>();
        services.AddHostedService<LedgerBackgroundService>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        TileEndpoints.Map(endpoints);
        var ledger = endpoints.MapGroup("/api/v1/ledger").WithTags("Ledger");
        ProofEndpoints.Map(ledger);
        SubmitEntryHandler.Map(ledger);
        SubmitterKeysHandler.Map(ledger);
        SearchEntriesHandler.Map(ledger);
    }
}
