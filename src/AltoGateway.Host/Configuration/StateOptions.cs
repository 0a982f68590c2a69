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
    /// as root, else $XDG_STATE_HOME/altogateway or ~/.local/state/altogateway.
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

        var xdg = environment("XDG_STATE_HOME");
        return Path.Combine(
            string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state") : xdg,
            "altogateway");
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
