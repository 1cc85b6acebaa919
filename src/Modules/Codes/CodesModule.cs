using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Codes.Contracts;
using TalentPass.Modules.Codes.Features.IssueCode;
using TalentPass.Modules.Codes.Features.Keys;
using TalentPass.Modules.Codes.Features.Publishing;
using TalentPass.Modules.Codes.Features.Scans;
using TalentPass.Modules.Codes.Features.Subjects;
using TalentPass.Modules.Codes.Features.VerifyCode;
using TalentPass.Modules.Codes.Jobs;
using TalentPass.Modules.Codes.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Codes;

/// <summary>The talent code: keys, subjects, status lists, issuance, online verification and the scan log (README.md).</summary>
public sealed class CodesModule : ITalentPassModule
{
    /// <summary>Roles that may verify codes online.</summary>
    internal static readonly string[] Verifiers = [Roles.ServicePointStaff, Roles.PartnerStaff];

    public string Name => "codes";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TalentPass.Infrastructure.PersonalData.IPersonalDataSource, Features.PersonalData.CodesPersonalDataSource>();
        services.AddSingleton(new ModuleMigrations(Name, typeof(CodesModule).Assembly));
        services.AddModuleDbContext<CodesDbContext>();
        services.AddOptions<CodesOptions>().Bind(configuration.GetSection(CodesOptions.Section)).ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrWhiteSpace(o.KeyEncryptionKey) || o.AllowGeneratedKeys, "Codes:KeyEncryptionKey must be set (base64 of 32 bytes), or Codes:AllowGeneratedKeys=true for a demo or development.")
            .ValidateOnStart();
        services.AddSingleton<KeyEncryption>();
        services.AddSingleton<KeyRing>();
        services.AddSingleton<StatusCache>();
        services.AddSingleton<ListPublisher>();
        services.AddSingleton<ScanWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ScanWriter>());
        services.AddHostedService<CodesRefreshJob>();
        services.AddSingleton<VerifyCodeHandler>();
        services.AddScoped<ICodeVerification, CodeVerification>();
        services.AddScoped<SubjectRegistry>();
        services.AddScoped<IssueCodeHandler>();
        services.AddScoped<ListScansHandler>();
        services.AddScoped<IScanFeed, ScanFeed>();
        services.AddScoped<ITalentEventHandler, CodesTalentEventHandler>();
        services.AddSingleton<Contracts.ILevelRights, Domain.LevelRightsCatalog>();
        services.AddScoped<TalentFeedFollower>();
        services.AddScoped<ICodeKeyAdministration, CodeKeyAdministration>();
        services.AddScoped<TalentPass.Infrastructure.Reporting.IReportSource, Features.Reporting.CodesReportSource>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var codes = endpoints.MapGroup("/api/v1/codes").WithTags("Codes");
        var me = codes.MapGroup("/me").RequireAuthorization(p => p.RequireRole(Roles.Talent));
        IssueCodeHandler.Map(me);
        VerifyCodeEndpoint.Map(codes, Verifiers);
        ListScansHandler.Map(codes);
        PublishingEndpoints.Map(codes);
    }
}
