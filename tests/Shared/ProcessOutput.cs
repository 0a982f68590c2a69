using System.Diagnostics;
using System.Text;

namespace AltoGateway.Tests.Shared;

/// <summary>
/// What a child process (the agent, knotd, dnsmasq, Kea) writes to stdout and stderr, line by line as it comes,
/// for assertions and failure messages. Thread-safe: the lines arrive on the process's reader threads.
/// </summary>
internal sealed class ProcessOutput
{
    private readonly StringBuilder _text = new();

    private ProcessOutput()
    {
    }

    /// <summary>Everything written so far.</summary>
    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>Starts reading <paramref name="process"/>'s stdout and stderr (both redirected) into one text.</summary>
    public static ProcessOutput Capture(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var output = new ProcessOutput();
        process.OutputDataReceived += (_, e) => output.Append(e.Data);
        process.ErrorDataReceived += (_, e) => output.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return output;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_text)
        {
            _text.AppendLine(line);
        }
    }
}
