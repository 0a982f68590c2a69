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
    public static string Of(IConfiguration configuration)
    {
        var file = (configuration as IConfigurationRoot)?.Providers.OfType<FileConfigurationProvider>().LastOrDefault();
        // An absent file's provider is rooted at the nearest existing parent, so go by its path.
        return file?.Source is { FileProvider: PhysicalFileProvider physical, Path: { } path }
            ? Path.GetDirectoryName(Path.Combine(physical.Root, path)) ?? physical.Root
            : Environment.CurrentDirectory;
    }

    /// <summary>An absolute path as it is; a relative one below <paramref name="directory"/>.</summary>
    public static string Resolve(string directory, string path) => Path.GetFullPath(path, directory);
}
