using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AltoGateway.Host.Configuration;

/// <summary>The <c>State</c> section: where the agent keeps what must survive a restart (peer-ID key, …).</summary>
internal sealed class StateOptions : IValidatableObject
{
    public const string SectionName = "State";

    /// <summary>The state folder; empty = <see cref="DefaultDirectory"/>.</summary>
    public string Directory { get; set; } = string.Empty;

    public string EffectiveDirectory => string.IsNullOrEmpty(Directory) ? DefaultDirectory(Environment.GetEnvironmentVariable) : Directory;

    /// <summary>
    /// $STATE_DIRECTORY (systemd's StateDirectory=, /var/lib/altogateway), else /var/lib/altogateway
    /// as root, else $XDG_STATE_HOME/altogateway or ~/.local/state/altogateway, else (no home)
    /// /tmp/altogateway-USER/state.
    /// </summary>
    public static string DefaultDirectory(Func<string, string?> environment)
    {
        if (environment("STATE_DIRECTORY") is { Length: > 0 } state)
        {
            return state.Split(':')[0];
        }

        if (Environment.UserName == "root")
        {
            return "/var/lib/altogateway";
        }

        if (environment("XDG_STATE_HOME") is { Length: > 0 } xdg && Path.IsPathFullyQualified(xdg))
        {
            return Path.Combine(xdg, "altogateway");
        }

        // A user without a usable home (nobody: /nonexistent) must not get a path relative to the
        // working directory: fall back to a per-user folder under the temporary directory.
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.IsPathFullyQualified(home) && System.IO.Directory.Exists(home)
            ? Path.Combine(home, ".local", "state", "altogateway")
            : Path.Combine(Path.GetTempPath(), $"altogateway-{Environment.UserName}", "state");
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Directory.Length > 0 && !Path.IsPathFullyQualified(Directory))
        {
            yield return new ValidationResult($"'{Directory}' is not an absolute path", [nameof(Directory)]);
        }
    }
}

[OptionsValidator]
internal sealed partial class StateOptionsValidator : IValidateOptions<StateOptions>;
