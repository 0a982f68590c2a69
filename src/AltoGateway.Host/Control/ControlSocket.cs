using System.Net.Sockets;

namespace AltoGateway.Host.Control;

/// <summary>Prepares the control socket's folder (owner only) and clears a socket left by a crash.</summary>
internal static class ControlSocket
{
    /// <summary>
    /// Makes the folder and removes a stale socket file. Refuses (with the reason) when another agent
    /// still answers on that socket: removing its file would cut that agent off from its operator.
    /// </summary>
    public static bool TryPrepare(string path, out string? problem)
    {
        problem = null;
        try
        {
            var folder = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            if (File.Exists(path))
            {
                if (SomeoneListens(path))
                {
                    problem = $"another agent is running with the control socket {path}; stop it first, or give this one another Control:SocketPath";
                    return false;
                }

                // Left behind by an agent that was killed: it would make the bind fail (EADDRINUSE).
                File.Delete(path);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot prepare the control socket {path}: {ex.Message}";
            return false;
        }
    }

    private static bool SomeoneListens(string path)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
