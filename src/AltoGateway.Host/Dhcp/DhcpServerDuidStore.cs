using AltoGateway.Dhcp.Replies;
using AltoGateway.Dhcp.V6;

namespace AltoGateway.Host.Dhcp;

/// <summary>
/// The DHCPv6 server DUID in the state folder (<c>dhcpv6-server.duid</c>, one line of hex): a DUID-UUID made on
/// first start and read on every later one, so clients see the same server across restarts (RFC 8415 §11).
/// </summary>
internal static class DhcpServerDuidStore
{
    public const string FileName = "dhcpv6-server.duid";

    /// <summary>The stored DUID, or a new one (stored when the folder allows; <paramref name="problem"/> says why not).</summary>
    public static DhcpV6Duid LoadOrCreate(string stateDirectory, out string source, out string? problem)
    {
        var path = Path.Combine(stateDirectory, FileName);
        problem = null;
        try
        {
            if (File.Exists(path))
            {
                if (DhcpV6ServerDuid.TryParse(File.ReadAllText(path), out var stored))
                {
                    source = path;
                    return stored;
                }

                problem = $"{path} holds no DUID in hex; move it away to have a new one made";
                source = "not kept";
                return NewDuid();
            }

            var fresh = NewDuid();
            Directory.CreateDirectory(stateDirectory);

            // Written to a temporary file and renamed: a crash never leaves half a DUID behind.
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, DhcpV6ServerDuid.Format(fresh) + "\n");
            File.Move(temporary, path, overwrite: false);
            source = $"new, kept in {path}";
            return fresh;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot read or create {path}: {ex.Message}";
            source = "not kept";
            return NewDuid();
        }
    }

    private static DhcpV6Duid NewDuid() => DhcpV6ServerDuid.FromUuid(Guid.NewGuid().ToByteArray());
}
