using BenchmarkDotNet.Running;

// BenchmarkDotNet suites: dotnet run -c Release --project bench/Paz.Benchmarks -- --filter '*'
// Ensemble timing:        dotnet run -c Release --project bench/Paz.Benchmarks -- ensemble 100 2   (replicates, threads, [last year: 2020 for issue 22's 1,000 replicates])
// Registry load:          dotnet run -c Release --project bench/Paz.Benchmarks -- tribunal-load 32 30 20000000 20 30 20
//                         (clients, seconds, request cap, clients signing in continuously, sign-ins allowed per minute per address, seconds of warm-up)
// Cluster throughput:     dotnet run -c Release --project bench/Paz.Benchmarks -- cluster-throughput 20 3   (replicates, rounds; here, then 1 and 2 silo processes)
// Registry without HTTP:  dotnet run -c Release --project bench/Paz.Benchmarks -- registry-load 32 5 [reads]   (tasks, seconds per kind, only the kinds whose name contains it)
if (args.Length > 0 && args[0] == "registry-load")
{
    await Paz.Benchmarks.RegistryLoad.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 32,
        args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5,
        args.Length > 3 ? args[3] : null);
    return;
}

if (args.Length > 0 && args[0] == "tribunal-load")
{
    await Paz.Benchmarks.TribunalLoad.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 32,
        args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10,
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 200_000,
        args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 20,
        args.Length > 5 ? int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture) : Paz.Web.SignInLimits.DefaultPerMinute,
        args.Length > 6 ? double.Parse(args[6], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}

if (args.Length > 0 && args[0] == "cluster-throughput")
{
    await Paz.Benchmarks.ClusterThroughput.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return;
}

if (args.Length > 0 && args[0] == "cluster-silo")
{
    Paz.Benchmarks.ClusterThroughput.Silo(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args.Length > 0 && args[0] == "ensemble")
{
    Paz.Benchmarks.EnsembleTiming.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2, args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : null);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Paz.Benchmarks.DataLoadBenchmarks).Assembly).Run(args);
