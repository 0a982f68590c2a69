using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

namespace AltoGateway.Host.Configuration;

/// <summary>
/// The directory relative paths of the configuration are read from: that of the configuration
/// file (<c>/etc/altogateway</c> or <c>--config FILE</c>'s), so a configuration and the files it
/// names can be moved together; the working directory when no file is part of the configuration.
/// </summary>
internal static class ConfigurationFileDirectory
{
    public static string Of(IConfiguration configuration) =>
        File(configuration) is { } file ? Path.GetDirectoryName(file.Path) ?? Environment.CurrentDirectory : Environment.CurrentDirectory;

    /// <summary>
    /// The configuration file layer (<see cref="AgentConfiguration.Load"/> adds one at most): its full
    /// path, and whether it is optional (the system file) or was named with <c>--config</c>; null
    /// when the configuration has no file layer.
    /// </summary>
    public static (string Path, bool Optional)? File(IConfiguration configuration)
    {
        var provider = (configuration as IConfigurationRoot)?.Providers.OfType<FileConfigurationProvider>().LastOrDefault();
        // An absent file's provider is rooted at the nearest existing parent, so go by its path.
        return provider?.Source is { FileProvider: PhysicalFileProvider physical, Path: { } path } source
            ? (Path.GetFullPath(Path.Combine(physical.Root, path)), source.Optional)
            : null;
    }

    /// <summary>An absolute path as it is; a relative one below <paramref name="directory"/>.</summary>
    public static string Resolve(string directory, string path) => Path.GetFullPath(path, directory);
}
