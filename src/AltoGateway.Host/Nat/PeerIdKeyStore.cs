using System.Security.Cryptography;
using AltoGateway.Nat.PeerIds;

namespace AltoGateway.Host.Nat;

/// <summary>
/// The peer-ID master key in the state folder (<c>peer-id.key</c>, mode 0600): created on first
/// start, read on every later one, so IDs stay valid across restarts. Replacing the file with a
/// new key revokes every ID issued before.
/// </summary>
internal static class PeerIdKeyStore
{
    public const string FileName = "peer-id.key";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnly | UnixFileMode.UserExecute;

    /// <summary>The key, or null with the reason (unreadable, corrupt, folder not writable).</summary>
    public static PeerIdKey? LoadOrCreate(string stateDirectory, out string? problem, out bool created)
    {
        created = false;
        var path = Path.Combine(stateDirectory, FileName);
        try
        {
            if (File.Exists(path))
            {
                if (PeerIdKey.TryParseKeyFile(File.ReadAllText(path), out var key, out var error))
                {
                    problem = null;
                    return key;
                }

                problem = $"{path} is not a usable key file ({error}); move it away to have a new key made (every issued peer ID becomes invalid)";
                return null;
            }

            Directory.CreateDirectory(stateDirectory, OwnerOnlyFolder);
            var fresh = PeerIdKey.Generate(RandomNumberGenerator.Create());

            // Written to a temporary file and renamed: a crash never leaves half a key behind.
            var temporary = path + ".tmp";
            using (var stream = new FileStream(temporary, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = OwnerOnly }))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(fresh.ToKeyFileContent());
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
            created = true;
            problem = null;
            return fresh;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot read or create {path}: {ex.Message}";
            return null;
        }
    }
}
