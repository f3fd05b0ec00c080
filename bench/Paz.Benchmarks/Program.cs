using BenchmarkDotNet.Running;

// BenchmarkDotNet suites: dotnet run -c Release --project bench/Paz.Benchmarks -- --filter '*'
// Ensemble timing:        dotnet run -c Release --project bench/Paz.Benchmarks -- ensemble 100 2
// Registry load:          dotnet run -c Release --project bench/Paz.Benchmarks -- tribunal-load 32 10 200000
if (args.Length > 0 && args[0] == "tribunal-load")
{
    await Paz.Benchmarks.TribunalLoad.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 32,
        args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10,
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 200_000);
    return;
}

if (args.Length > 0 && args[0] == "ensemble")
{
    Paz.Benchmarks.EnsembleTiming.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Paz.Benchmarks.DataLoadBenchmarks).Assembly).Run(args);
