using BenchmarkDotNet.Running;

// BenchmarkDotNet suites: dotnet run -c Release --project bench/Paz.Benchmarks -- --filter '*'
// Ensemble timing:        dotnet run -c Release --project bench/Paz.Benchmarks -- ensemble 100 2
if (args.Length > 0 && args[0] == "ensemble")
{
    Paz.Benchmarks.EnsembleTiming.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Paz.Benchmarks.DataLoadBenchmarks).Assembly).Run(args);
