using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Paz.Cluster.Coordinator;
using Paz.Cluster.Grains;
using Paz.Cluster.Hosting;
using Paz.Cluster.Work;
using Paz.Data;
using Paz.Data.Scenarios;
using Paz.Runs.Execution;
using Paz.Simulation.Agents;

namespace Paz.Cluster.Tests;

/// <summary>
/// An ensemble sent to a two-silo Orleans test cluster is the ensemble this process computes for the same scenario and
/// seeds, byte for byte, even when a silo dies in the middle of it; and a replicate asked for again is served, not
/// recomputed. The world is the country in 2018 alone (the shipped baseline started in January 2018), a few replicates.
/// </summary>
public sealed class ClusterEnsembleTests : IAsyncLifetime
{
    private const int Replicates = 8;
    private readonly string _folder = Directory.CreateTempSubdirectory("paz-cluster-").FullName;
    private TestCluster _cluster = null!;
    private AgentScenario _scenario = null!;

    public async ValueTask InitializeAsync()
    {
        var shipped = Path.Combine(Path.GetDirectoryName(DataDirectory.Locate().Root)!, "scenarios", "baseline.yaml");
        var file = Path.Combine(_folder, "baseline.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(shipped))
            .Replace("start: 2015-01", "start: 2018-01", StringComparison.Ordinal)
            .Replace("end: 2024-12", "end: 2018-12", StringComparison.Ordinal));
        _scenario = AgentScenarioReader.Read(file) with { Replicates = Replicates };
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<PazSilo>();
        builder.AddClientBuilderConfigurator<PazClient>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    [Fact]
    public async Task AnEnsembleOnTwoSilosIsByteIdenticalToTheLocalRun()
    {
        var work = ClusterEnsemble.WorkFor(_scenario, posteriorPath: null);

        var onCluster = await ClusterEnsemble.RunAsync(_cluster.Client, work, inFlight: 4, cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(Local(), Encoded(onCluster));
        Assert.Equal(Replicates, Workshops().Sum(w => w.Computed));
    }

    [Fact]
    public async Task ASiloKilledInTheMiddleOfAnEnsembleLeavesItCompleteAndIdentical()
    {
        var work = ClusterEnsemble.WorkFor(_scenario, posteriorPath: null);
        var finished = 0;
        var halfway = new TaskCompletionSource();
        var progress = new Progress(n =>
        {
            Volatile.Write(ref finished, n);
            if (n >= 2)
            {
                halfway.TrySetResult();
            }
        });

        var ensemble = ClusterEnsemble.RunAsync(_cluster.Client, work, inFlight: 2, progress, TestContext.Current.CancellationToken);
        await halfway.Task.WaitAsync(TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);
        var killedAfter = Volatile.Read(ref finished);
        await _cluster.KillSiloAsync(_cluster.SecondarySilos[0], TestContext.Current.CancellationToken);
        var results = await ensemble;

        Assert.InRange(killedAfter, 2, Replicates - 1); // the silo died with work still to do
        Assert.Equal(Local(), Encoded(results));
    }

    [Fact]
    public async Task AReplicateAskedForAgainIsServedFromItsGrainNotRecomputed()
    {
        var work = ClusterEnsemble.WorkFor(_scenario with { Replicates = 2 }, posteriorPath: null);
        var first = await ClusterEnsemble.RunAsync(_cluster.Client, work, inFlight: 2, cancellation: TestContext.Current.CancellationToken);
        var computed = Workshops().Sum(w => w.Computed);

        var again = await ClusterEnsemble.RunAsync(_cluster.Client, work, inFlight: 2, cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(2, computed);
        Assert.Equal(computed, Workshops().Sum(w => w.Computed));
        Assert.Equal(Encoded(first), Encoded(again));
    }

    [Fact]
    public void ACalibrationOnTwoSilosFindsWhatTheSameCalibrationFindsHere()
    {
        var data = PazDataSet.Load(DataDirectory.Locate());
        var prepared = EnsembleJob.Prepare(data, _scenario);
        var engine = new CriminalMarketEngine(prepared.Inputs);
        var targets = Paz.Data.Engine.ValidationTargetsBuilder.Build(data, prepared.Inputs);
        IReadOnlyList<FreeParameter> free = [.. Calibration.DefaultFree.Where(f => f.Name is "conflict_intensity" or "recruitment")];
        CalibrationResult Fit(Func<Paz.Simulation.Engine.Timeline, int, ulong, ReplicateResult>? run) =>
            Calibration.Fit(engine, prepared.Scenario.Timeline, targets, free, seed: 5, searchPoints: 3, refineEvaluations: 4, threads: 2, replicates: 1, run: run);

        var here = Fit(run: null);
        var onCluster = Fit(ClusterCandidates.Runner(_cluster.Client, _scenario, free, TestContext.Current.CancellationToken));

        Assert.Equal(here.Objective, onCluster.Objective);
        Assert.Equal(here.Evaluations, onCluster.Evaluations);
        Assert.All(free, f => Assert.Equal(here.Parameters.Get(f.Name), onCluster.Parameters.Get(f.Name)));
        Assert.Equal(here.YearErrors, onCluster.YearErrors);
        Assert.True(Workshops().Sum(w => w.Computed) > 0, "no candidate ran on the silos");
    }

    [Fact]
    public void ASensitivityDesignOnTwoSilosGivesTheOutputsItGivesHere()
    {
        var data = PazDataSet.Load(DataDirectory.Locate());
        var prepared = EnsembleJob.Prepare(data, _scenario);
        IReadOnlyList<FreeParameter> factors = [.. Calibration.Uncertain.Where(f => f.Name is "baseline_rate" or "recruitment")];
        var design = Paz.Simulation.Sensitivity.MorrisScreening.Design(factors.Count, 2, 4, new Paz.Core.Randomness.Xoshiro256StarStar(7));
        double[] Outputs(Func<Paz.Simulation.Engine.Timeline, int, ulong, ReplicateResult>? run) => Paz.Simulation.Sensitivity.EngineSensitivity.Evaluate(
            [new Paz.Simulation.Sensitivity.SensitivityTerm(new CriminalMarketEngine(prepared.Inputs), prepared.Scenario.Timeline, 1) { Run = run }],
            factors, design, 2018, replicates: 1, seed: 3, threads: 2);

        var here = Outputs(run: null);
        var onCluster = Outputs(ClusterCandidates.Runner(_cluster.Client, _scenario, factors, TestContext.Current.CancellationToken));

        Assert.Equal(here, onCluster);
        Assert.True(here.Distinct().Count() > 1, "the design's points should differ");
    }

    [Fact]
    public void ABacktestWhoseRunsAreOnTwoSilosScoresWhatTheSameBacktestScoresHere()
    {
        // 2015-2018 (an origin needs years before and after it), one origin, a small search.
        var shipped = Path.Combine(Path.GetDirectoryName(DataDirectory.Locate().Root)!, "scenarios", "baseline.yaml");
        var file = Path.Combine(_folder, "short-history.yaml");
        File.WriteAllText(file, File.ReadAllText(shipped).Replace("end: 2024-12", "end: 2018-12", StringComparison.Ordinal));
        var scenario = AgentScenarioReader.Read(file);
        var data = PazDataSet.Load(DataDirectory.Locate());
        var inputs = Paz.Data.Engine.EngineInputsBuilder.Build(data, scenario.Start);
        var observed = Paz.Data.Engine.ValidationTargetsBuilder.Observed(data, inputs);
        var engine = new CriminalMarketEngine(inputs);
        IReadOnlyList<FreeParameter> free = [.. Calibration.DefaultFree.Where(f => f.Name is "conflict_intensity" or "recruitment")];
        var settings = new Paz.Simulation.Backtesting.BacktestSettings(Search: 2, Refine: 1, CalibrationReplicates: 1, ForecastReplicates: 2, Seed: 9, Threads: 2);
        IReadOnlyList<string> sent = [.. free.Select(f => f.Name), Paz.Simulation.Engine.Explanations.InForce.Name];

        var here = Paz.Simulation.Backtesting.Backtest.AtOrigin(engine, scenario.Timeline, observed, 2016, free, settings);
        var onCluster = Paz.Simulation.Backtesting.Backtest.AtOrigin(engine, scenario.Timeline, observed, 2016, free,
            settings with { RunAt = origin => ClusterCandidates.Runner(_cluster.Client, scenario, sent, origin, TestContext.Current.CancellationToken) });

        Assert.Equal(here.Fitted, onCluster.Fitted);
        Assert.Equal(here.Fit.Objective, onCluster.Fit.Objective);
        Assert.Equal(here.Scores.Select(s => s.NationalMape), onCluster.Scores.Select(s => s.NationalMape));
        Assert.All(here.Forecasts[0].Years, y => Assert.Equal(here.Forecasts[0].National[y], onCluster.Forecasts[0].National[y]));
    }

    [Fact]
    public void WorkHoldingTheRecordAtAnOriginRunsWhatABacktestRunsHereAndNotTheRecordAsWritten()
    {
        // The replay to 2008: the Beltrán Leyva break away from Sinaloa in January 2008, after an origin of December 2007.
        var shipped = Path.Combine(Path.GetDirectoryName(DataDirectory.Locate().Root)!, "scenarios", "history.yaml");
        File.Copy(shipped, Path.Combine(_folder, "history.yaml"));
        var file = Path.Combine(_folder, "history-2008.yaml");
        File.WriteAllText(file, "name: history-2008\nbase: history.yaml\nend: 2008-12\n");
        var scenario = AgentScenarioReader.Read(file);
        var prepared = EnsembleJob.Prepare(PazDataSet.Load(DataDirectory.Locate()), scenario);
        var engine = new CriminalMarketEngine(prepared.Inputs);
        var held = Paz.Simulation.Backtesting.RecordedHistory.Through(prepared.Scenario.Timeline, 2007);
        var weeks = prepared.Inputs.WeeksThrough(2008);

        var onCluster = ClusterCandidates.Runner(_cluster.Client, scenario, [], recordedThrough: 2007, TestContext.Current.CancellationToken)(held, weeks, 11);

        Assert.Equal(ReplicateCodec.Encode(engine.Run(held, weeks, 11)), ReplicateCodec.Encode(onCluster));
        Assert.NotEqual(ReplicateCodec.Encode(engine.Run(prepared.Scenario.Timeline, weeks, 11)), ReplicateCodec.Encode(onCluster));
    }

    private List<byte[]> Local()
    {
        var data = PazDataSet.Load(DataDirectory.Locate());
        var prepared = EnsembleJob.Prepare(data, _scenario);
        return Encoded(Ensemble.Run(new CriminalMarketEngine(prepared.Inputs), prepared.Scenario, threads: 2));
    }

    private static List<byte[]> Encoded(IEnumerable<ReplicateResult> results) => [.. results.Select(ReplicateCodec.Encode)];

    private IEnumerable<ScenarioWorkshop> Workshops() =>
        _cluster.Silos.OfType<InProcessSiloHandle>().Select(s => s.SiloHost.Services.GetRequiredService<ScenarioWorkshop>());

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class Progress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    private sealed class PazSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddPazGrains(dataDirectory: null);
    }

    private sealed class PazClient : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.AddPazClient();
    }
}
