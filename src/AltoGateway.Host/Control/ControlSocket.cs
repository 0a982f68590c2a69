namespace AltoGateway.Host.Control;

/// <summary>Prepares the control socket's folder (owner only) and clears a socket left by a crash.</summary>
internal static class ControlSocket
{
    public static void Prepare(string path)
    {
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // A socket file outlives a killed agent and would make the bind fail (EADDRINUSE).
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
