using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Calendar.Contracts;
using TalentPass.Modules.Calendar.Features.Deadline;
using TalentPass.Modules.Calendar.Features.WorkingDays;
using TalentPass.Modules.Calendar.Features.Years;
using TalentPass.Modules.Calendar.Persistence;

namespace TalentPass.Modules.Calendar;

/// <summary>The official working-day calendar (holidays and make-up working days per year) and deadline maths (README.md).</summary>
public sealed class CalendarModule : ITalentPassModule
{
    public string Name => "calendar";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ModuleMigrations(Name, typeof(CalendarModule).Assembly));
        services.AddModuleDbContext<CalendarDbContext>();
        services.AddOptions<CalendarOptions>().Bind(configuration.GetSection(CalendarOptions.Section));
        services.AddSingleton<CalendarCache>();
        services.AddSingleton<IWorkingDayCalendar, WorkingDayCalendar>();
        services.AddScoped<CalendarYears>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var calendar = endpoints.MapGroup("/api/v1/calendar").WithTags("Calendar");
        DeadlineEndpoint.Map(calendar);
        YearEndpoints.Map(calendar);
    }
}
