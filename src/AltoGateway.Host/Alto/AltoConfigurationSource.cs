using System.Security.Cryptography;
using AltoGateway.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace AltoGateway.Host.Alto;

/// <summary>
/// Where the running configuration came from, so that a reload reads the same three layers again
/// (<see cref="AgentConfiguration.Load"/>): the configuration file found among its providers, and
/// whether it was named with <c>--config</c> (required) or is the optional system file.
/// </summary>
internal sealed class AltoConfigurationSource
{
    private readonly IConfigurationRoot? _fixed;

    private AltoConfigurationSource(string? file, bool required, IConfigurationRoot? fixedConfiguration)
    {
        File = file;
        Required = required;
        _fixed = fixedConfiguration;
    }

    /// <summary>The configuration file's full path; null when the configuration has no file layer (then a reload reads nothing new).</summary>
    public string? File { get; }

    /// <summary>True for a file named with <c>--config</c>, which must exist.</summary>
    public bool Required { get; }

    public static AltoConfigurationSource From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (ConfigurationFileDirectory.File(configuration) is { } file)
        {
            return new AltoConfigurationSource(file.Path, !file.Optional, null);
        }

        return new AltoConfigurationSource(null, false, configuration as IConfigurationRoot ?? new ConfigurationBuilder().AddConfiguration(configuration).Build());
    }

    /// <summary>The layers as they are now, or null with the problems when they cannot be read.</summary>
    public IConfigurationRoot? Load(List<ConfigurationProblem> problems) =>
        File is null ? _fixed : AgentConfiguration.Load(Required ? File : null, problems);

    /// <summary>SHA-256 of the file's bytes; null when there is no file or it cannot be read.</summary>
    public string? FileHash()
    {
        if (File is null)
        {
            return null;
        }

        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(System.IO.File.ReadAllBytes(File)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
