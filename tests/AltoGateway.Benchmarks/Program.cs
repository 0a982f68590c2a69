using AltoGateway.Benchmarks;

return args.FirstOrDefault() switch
{
    "nat" => NatMapBenchmark.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000),
    "startup" => await StartupBenchmark.RunAsync(runs: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: AltoGateway.Benchmarks startup [RUNS] | nat [MAPPINGS]   (tests/AltoGateway.Benchmarks/run.sh prepares and runs all)");
    return 2;
}
