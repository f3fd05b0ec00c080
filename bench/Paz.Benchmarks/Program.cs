using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project bench/Paz.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Paz.Benchmarks.DataLoadBenchmarks).Assembly).Run(args);
