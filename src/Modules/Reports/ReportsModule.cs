using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;
using TalentPass.Modules.Reports.Features.JointMeeting;

namespace TalentPass.Modules.Reports;

/// <summary>The joint-meeting dashboard over every module's report source (issue 8, M-16; README.md).</summary>
public sealed class ReportsModule : ITalentPassModule
{
    public string Name => "reports";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<JointMeetingReport>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/reports").WithTags("Reports")
            .RequireAuthorization(p => p.RequireRole(JointMeetingReport.Readers));
        JointMeetingEndpoints.Map(group);
    }
}
