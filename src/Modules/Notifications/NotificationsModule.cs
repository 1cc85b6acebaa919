using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Demo;
using TalentPass.Infrastructure.Modules;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Notifications.Contracts;
using TalentPass.Modules.Notifications.Demo;
using TalentPass.Modules.Notifications.Features.Inbox;
using TalentPass.Modules.Notifications.Features.Notify;
using TalentPass.Modules.Notifications.Features.Sms;
using TalentPass.Modules.Notifications.Persistence;

namespace TalentPass.Modules.Notifications;

/// <summary>In-app inbox and SMS through the gateway contract (README.md, docs/notifications.md).</summary>
public sealed class NotificationsModule : ITalentPassModule
{
    public string Name => "notifications";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TalentPass.Infrastructure.PersonalData.IPersonalDataSource, Features.PersonalData.NotificationsPersonalDataSource>();
        services.AddSingleton(new ModuleMigrations(Name, typeof(NotificationsModule).Assembly));
        services.AddModuleDbContext<NotificationsDbContext>();
        services.AddOptions<NotificationsOptions>()
            .Bind(configuration.GetSection(NotificationsOptions.Section))
            .Validate(o => RequestValidationOk(o.Sms), "Notifications:Sms is not valid (ApiKey is required with BaseUrl; intervals in range).")
            .ValidateOnStart();
        services.AddSingleton<SmsSignal>();
        services.AddScoped<INotifier, Notifier>();
        services.AddScoped<InboxHandler>();
        services.AddSingleton<INotificationInbox, UnreadCounter>();
        services.AddScoped<SmsOutboxHandler>();
        services.AddHttpClient<SmsGatewayClient>();
        services.AddSingleton<SmsSender>();
        services.AddHostedService(sp => sp.GetRequiredService<SmsSender>());
        services.AddScoped<IDemoSeeder, NotificationsDemoSeeder>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization();
        InboxHandler.Map(group);
        SmsOutboxHandler.Map(group);
    }

    private static bool RequestValidationOk(SmsOptions sms) =>
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(sms, new System.ComponentModel.DataAnnotations.ValidationContext(sms), null, validateAllProperties: true);
}
