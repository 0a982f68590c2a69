using System.Diagnostics;

namespace AltoGateway.Tests.Shared;

/// <summary>Where things are in the repository, seen from a test or benchmark binary.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository's top folder (the one holding AltoGateway.sln).</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AltoGateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new UnreachableException("AltoGateway.sln not found above the binaries");
    }
}
