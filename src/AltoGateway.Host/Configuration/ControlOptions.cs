using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AltoGateway.Host.Configuration;

/// <summary>
/// The <c>Control</c> section: the local control channel the <c>altogw nat …</c> and
/// <c>altogw peer-id …</c> verbs use to ask the running agent. It is a Unix socket, so only
/// users who may open the file (root and the agent's own user) can list subscribers.
/// </summary>
internal sealed class ControlOptions : IValidatableObject
{
    /// <summary>sun_path holds 108 bytes with the terminating NUL (unix(7)).</summary>
    public const int MaxSocketPathBytes = 107;

    public const string SectionName = "Control";
    public const string SocketFileName = "control.sock";

    /// <summary>Path of the socket; empty = <see cref="DefaultSocketPath"/>.</summary>
    public string SocketPath { get; set; } = string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SocketPath.Length > 0 && !Path.IsPathFullyQualified(SocketPath))
        {
            yield return new ValidationResult($"'{SocketPath}' is not an absolute path", [nameof(SocketPath)]);
        }

        if (System.Text.Encoding.UTF8.GetByteCount(EffectiveSocketPath) > MaxSocketPathBytes)
        {
            yield return new ValidationResult($"'{EffectiveSocketPath}' is longer than the {MaxSocketPathBytes} bytes a Unix socket path may have", [nameof(SocketPath)]);
        }
    }

    public string EffectiveSocketPath => string.IsNullOrEmpty(SocketPath) ? DefaultSocketPath(Environment.GetEnvironmentVariable) : SocketPath;

    /// <summary>
    /// $RUNTIME_DIRECTORY (systemd's RuntimeDirectory=, /run/altogateway), else
    /// $XDG_RUNTIME_DIR/altogateway for a user session, else /run/altogateway as root, else a
    /// per-user folder under /tmp.
    /// </summary>
    public static string DefaultSocketPath(Func<string, string?> environment)
    {
        if (environment("RUNTIME_DIRECTORY") is { Length: > 0 } runtime)
        {
            // systemd may list several, separated by colons; ours is the first.
            return Path.Combine(runtime.Split(':')[0], SocketFileName);
        }

        if (environment("XDG_RUNTIME_DIR") is { Length: > 0 } user)
        {
            return Path.Combine(user, "altogateway", SocketFileName);
        }

        return Environment.UserName == "root"
            ? Path.Combine("/run/altogateway", SocketFileName)
            : Path.Combine(Path.GetTempPath(), $"altogateway-{Environment.UserName}", SocketFileName);
    }
}

[OptionsValidator]
internal sealed partial class ControlOptionsValidator : IValidateOptions<ControlOptions>;
