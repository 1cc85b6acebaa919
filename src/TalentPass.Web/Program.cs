using TalentPass.Composition;
using TalentPass.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddTalentPassHost(ModuleCatalog.All);

var app = builder.Build();
await app.InitialiseDatabaseAsync();
app.UseTalentPassPipeline(ModuleCatalog.All);
await app.RunAsync();

/// <summary>Entry point; public for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
