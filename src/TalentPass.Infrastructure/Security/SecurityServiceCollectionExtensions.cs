using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TalentPass.Infrastructure.Security;

public static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddFieldProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FieldProtectionOptions>().Bind(configuration.GetSection(FieldProtectionOptions.Section));
        services.AddSingleton<IFieldProtector, AesGcmFieldProtector>();
        return services;
    }
}
