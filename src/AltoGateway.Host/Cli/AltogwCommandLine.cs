using System.CommandLine;

namespace AltoGateway.Host.Cli;

/// <summary>The <c>altogw</c> command line: <c>run</c> (the default), <c>check-config</c>, <c>nat</c>, <c>peer-id</c>, <c>discover</c>.</summary>
internal static class AltogwCommandLine
{
    /// <summary>Exit code for a configuration that cannot be served (sysexits.h EX_CONFIG).</summary>
    public const int ExitConfigurationInvalid = 78;

    public static RootCommand Build()
    {
        var config = new Option<FileInfo?>("--config", "-c")
        {
            Description = $"Configuration file to use instead of {Configuration.AgentConfiguration.SystemFile}",
            Recursive = true,
        };

        var root = new RootCommand("AltoGateway agent: ALTO discovery and third-party ALTO queries for NATed networks.");
        root.Options.Add(config);

        var run = new Command("run", "Run the agent (the default when no verb is given).");
        run.SetAction((parse, cancellation) => RunVerb.RunAsync(parse.GetValue(config), cancellation));
        root.Subcommands.Add(run);
        root.SetAction((parse, cancellation) => RunVerb.RunAsync(parse.GetValue(config), cancellation));

        var check = new Command("check-config", "Check the configuration: print every problem, one per line with its key, and exit non-zero if there is any.");
        check.SetAction(parse => CheckConfigVerb.Run(parse.GetValue(config), Console.Out, Console.Error));
        root.Subcommands.Add(check);

        var socket = new Option<string?>("--socket")
        {
            Description = "Control socket of the running agent (default: the one its configuration names)",
            Recursive = true,
        };
        var nat = NatVerbs.NatCommand(config, socket);
        nat.Options.Add(socket);
        root.Subcommands.Add(nat);
        var peerId = NatVerbs.PeerIdCommand(config, socket);
        peerId.Options.Add(socket);
        root.Subcommands.Add(peerId);
        var leases = LeasesVerb.Command(config, socket);
        leases.Options.Add(socket);
        root.Subcommands.Add(leases);

        root.Subcommands.Add(DiscoverVerb.Command());

        return root;
    }

    /// <summary>
    /// Parses and runs. SIGTERM and SIGINT belong to the host (graceful shutdown), so the
    /// command line's own termination handling is switched off.
    /// </summary>
    public static Task<int> InvokeAsync(string[] args) =>
        Build().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
}
