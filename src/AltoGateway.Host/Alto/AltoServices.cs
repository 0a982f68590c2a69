using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AltoGateway.Host.Alto;

/// <summary>Registers the built-in ALTO server: the component, its metrics, overload admission and live reload.</summary>
internal static class AltoServices
{
    /// <summary>
    /// <paramref name="configuration"/> is the checked configuration the agent runs with: a reload
    /// reads its file again and compares the result with it.
    /// </summary>
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AltoMetrics>();
        services.AddSingleton<AltoServer>();
        services.AddSingleton<AltoAdmission>();
        services.AddSingleton(AltoConfigurationSource.From(configuration));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<AltoReloader>(sp, configuration));
        services.AddHostedService<AltoReloadService>();
    }
}
