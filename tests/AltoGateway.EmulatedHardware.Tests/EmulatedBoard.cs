using AltoGateway.Tests.Shared;

namespace AltoGateway.EmulatedHardware.Tests;

/// <summary>
/// The emulated CI board: the linux-arm64 NativeAOT agent from publish-arm64.sh, run by
/// hardware/emulated/run-arm64.sh under qemu-aarch64-static with the emulated-ci-board sample.
/// </summary>
internal static class EmulatedBoard
{
    public const string BinaryPath = "dist/altogw-linux-arm64/altogw";
    public const string HarnessPath = "hardware/emulated/run-arm64.sh";
    public const string ConfigPath = "src/AltoGateway.Host/samples/emulated-ci-board.json";
    public const string LanUrl = "http://127.0.0.1:17285";

    /// <summary>
    /// The xunit collection of every test that starts the agent on the board: they share its sample
    /// configuration (ports, state folder, control socket), so they run one after the other.
    /// </summary>
    public const string Collection = "emulated board";

    /// <summary>Starts the arm64 agent; skips (fails under CI) when the build or qemu is missing.</summary>
    public static AgentProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        TestEnvironment.RequireTool("qemu-aarch64-static", "qemu-user-static");
        TestEnvironment.RequireFile(BinaryPath, "run ./publish-arm64.sh first (tests/run-tests.sh does)");
        var harness = TestEnvironment.RequireFile(HarnessPath, "part of the repository");
        var config = Path.Combine(TestEnvironment.RepositoryRoot, ConfigPath);
        return AgentProcess.StartCommand(harness, arguments.Length > 0 ? arguments : ["run", "--config", config], environment);
    }
}
