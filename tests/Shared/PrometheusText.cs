using System.Globalization;

namespace AltoGateway.Tests.Shared;

/// <summary>Reads Prometheus text exposition format in tests, and has promtool lint it.</summary>
internal static class PrometheusText
{
    /// <summary>Samples by their series name with labels, exactly as written; fails on a malformed line.</summary>
    public static Dictionary<string, double> Parse(string text)
    {
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            Assert.True(space > 0, $"malformed sample line '{line}'");
            var value = line[(space + 1)..] switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                var number => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            Assert.True(samples.TryAdd(line[..space], value), $"series '{line[..space]}' appears twice");
        }

        return samples;
    }

    /// <summary>Runs <c>promtool check metrics</c> (Debian package prometheus) over the text.</summary>
    public static async Task CheckWithPromtoolAsync(string text)
    {
        var promtool = TestEnvironment.RequireTool("promtool", "prometheus");
        var (exit, output) = await ToolProcess.RunAsync(promtool, ["check", "metrics"], text);
        Assert.True(exit == 0, $"promtool check metrics failed:\n{output}\n--- text ---\n{text}");
    }
}
