using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Demo;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.HostBank.Contracts;
using TalentPass.Modules.HostBank.Demo;
using TalentPass.Modules.HostBank.Features.Choice;
using TalentPass.Modules.HostBank.Features.Compliance;
using TalentPass.Modules.HostBank.Features.Reports;
using TalentPass.Modules.HostBank.Persistence;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.HostBank;

/// <summary>The host-bank system (M-19): choices, quarterly figures, the 40% decision and its evidence (README.md).</summary>
public sealed class HostBankModule : ITalentPassModule
{
    public string Name => "hostbank";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TalentPass.Infrastructure.PersonalData.IPersonalDataSource, Features.PersonalData.HostBankPersonalDataSource>();
        services.AddSingleton(new ModuleMigrations(Name, typeof(HostBankModule).Assembly));
        services.AddModuleDbContext<HostBankDbContext>();
        services.AddScoped<HostBankChoices>();
        services.AddScoped<IHostBankDirectory>(sp => sp.GetRequiredService<HostBankChoices>());
        services.AddScoped<HostBankReports>();
        services.AddScoped<ComplianceReport>();
        services.AddScoped<IDemoSeeder, HostBankDemoSeeder>();
        services.AddScoped<TalentPass.Infrastructure.Reporting.IReportSource, Features.Reporting.HostBankReportSource>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var me = endpoints.MapGroup("/api/v1/host-bank/me").WithTags("HostBank").RequireAuthorization(p => p.RequireRole(Roles.Talent));
        HostBankChoices.Map(me);

        var bank = endpoints.MapGroup("/api/v1/host-bank").WithTags("HostBank").RequirePartnerApi();
        HostBankReports.MapPartner(bank);

        var enterprise = endpoints.MapGroup("/api/v1/host-bank").WithTags("HostBank")
            .RequireAuthorization(p => p.RequireRole(Roles.EnterpriseContact, Roles.TalentOffice));
        HostBankReports.MapEnterprise(enterprise);

        var office = endpoints.MapGroup("/api/v1/host-bank").WithTags("HostBank").RequireAuthorization(p => p.RequireRole(ComplianceReport.Readers));
        ComplianceReport.Map(office);
    }
}
