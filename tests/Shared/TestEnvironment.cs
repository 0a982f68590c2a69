namespace AltoGateway.Tests.Shared;

/// <summary>
/// What a test needs from the machine (root, a tool, a built artefact). On a developer machine a
/// missing need skips the test with the reason; when <c>CI=true</c> it fails the test instead,
/// because CI installs everything and must run every test.
/// </summary>
internal static class TestEnvironment
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool IsRoot => Environment.UserName == "root";

    public static string RepositoryRoot => RepositoryPaths.Root;

    public static void RequireRoot(string why)
    {
        if (!IsRoot)
        {
            Missing($"needs root: {why}");
        }
    }

    /// <summary>The full path of a tool on PATH; skips (or fails under CI) when it is not installed.</summary>
    public static string RequireTool(string tool, string debianPackage)
    {
        var path = FindOnPath(tool);
        if (path is null)
        {
            Missing($"needs '{tool}' (Debian package {debianPackage}); tests/run-tests.sh installs it");
        }

        return path!;
    }

    public static string RequireFile(string relativePath, string howToMake)
    {
        var path = Path.Combine(RepositoryRoot, relativePath);
        if (!File.Exists(path))
        {
            Missing($"needs {relativePath}: {howToMake}");
        }

        return path;
    }

    public static string? FindOnPath(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
                     .Concat(["/usr/sbin", "/sbin"]))
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static void Missing(string reason)
    {
        if (IsCi)
        {
            Assert.Fail($"CI=true and this test {reason}");
        }

        Assert.Skip(reason);
    }
}
