using System.Globalization;
using AltoGateway.Dhcp.CrashChild;

// AltoGateway.Dhcp.CrashChild STATE_DIRECTORY SEED: commits leases until killed (LeaseCrashWorkload).
if (args.Length != 2 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var seed))
{
    Console.Error.WriteLine("usage: AltoGateway.Dhcp.CrashChild STATE_DIRECTORY SEED");
    return 2;
}

await LeaseCrashWorkload.RunAsync(args[0], seed);
return 0;
