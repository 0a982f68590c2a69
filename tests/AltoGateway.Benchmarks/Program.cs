using AltoGateway.Benchmarks;

return args.FirstOrDefault() switch
{
    "nat" => NatMapBenchmark.Run(Arg(1, 1_000_000)),
    "startup" => await StartupBenchmark.RunAsync(runs: Arg(1, 5)),
    "proxy" => await ProxyBenchmark.RunAsync(seconds: Arg(1, 10), connections: Arg(2, 16)),
    "swarm" => await SwarmCheck.RunAsync(randomTrials: Arg(1, 100_000), askers: Arg(2, 50)),
    "dns" => await DnsResponderBenchmark.RunAsync(seconds: Arg(1, 10)),
    "dhcp" => await DhcpBenchmark.RunAsync(seconds: Arg(1, 5)),
    _ => Usage(),
};

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;

static int Usage()
{
    Console.Error.WriteLine("usage: AltoGateway.Benchmarks startup [RUNS] | nat [MAPPINGS] | proxy [SECONDS] [CONNECTIONS] | swarm [RANDOM_TRIALS] [ASKING_PEERS] | dns [SECONDS] | dhcp [SECONDS]"
        + "   (tests/AltoGateway.Benchmarks/run.sh prepares and runs all)");
    return 2;
}
