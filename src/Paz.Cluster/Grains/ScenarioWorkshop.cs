using System.Collections.Concurrent;
using Paz.Cluster.Work;
using Paz.Data;
using Paz.Runs.Catalogue;
using Paz.Runs.Execution;
using Paz.Runs.Posteriors;
using Paz.Simulation.Agents;
using Paz.Simulation.Inference;

namespace Paz.Cluster.Grains;

/// <summary>
/// A silo's means of computing replicates: the data (loaded once), each scenario the coordinators have sent prepared
/// once (its files written under a folder named by their hash, read and resolved against the data as <c>paz run</c>
/// does), and a slot per core, so that a silo handed a thousand replicates computes as many at a time as it has cores
/// and holds the memory of that many worlds, not of a thousand.
/// </summary>
public sealed class ScenarioWorkshop(string? dataDirectory) : IDisposable
{
    private readonly Lazy<PazDataSet> _data = new(() => PazDataSet.Load(DataDirectory.Locate(dataDirectory)));
    private readonly ConcurrentDictionary<string, Lazy<Prepared>> _prepared = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount);
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "paz-cluster", Guid.NewGuid().ToString("N"));
    private int _computed;

    /// <summary>Replicates this silo has computed (not served from storage).</summary>
    public int Computed => Volatile.Read(ref _computed);

    /// <summary>Computes <paramref name="work"/> and returns its encoded result.</summary>
    public async Task<byte[]> RunAsync(ReplicateWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.CodeVersion != ReplicateWork.CurrentCode)
        {
            throw new InvalidOperationException($"this silo runs code {ReplicateWork.CurrentCode}, the work was sent by code {work.CodeVersion}: start the silos from the same build as the coordinator");
        }

        await _slots.WaitAsync().ConfigureAwait(false);
        try
        {
            // Off the grain's scheduler: a replicate is seconds of computation.
            return await Task.Run(() =>
            {
                var prepared = _prepared.GetOrAdd($"{work.ScenarioHash}|{work.Parameters}", _ => new(() => Prepare(work))).Value;
                var timeline = prepared.Posterior?.TimelineFor(prepared.Scenario.Timeline, work.Replicate) ?? prepared.Scenario.Timeline;
                if (work.RecordedThrough > 0)
                {
                    timeline = Simulation.Backtesting.RecordedHistory.Through(timeline, work.RecordedThrough);
                }

                // A candidate's values in every period, as the calibration, backtest or design sets them here.
                timeline = Calibration.AtValues(timeline, work.OverrideNames, work.OverrideValues);
                var weeks = work.Weeks > 0 ? work.Weeks : prepared.Scenario.Weeks;
                var encoded = ReplicateCodec.Encode(prepared.Engine.Run(timeline, weeks, work.Seed));
                Interlocked.Increment(ref _computed);
                return encoded;
            }).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    private Prepared Prepare(ReplicateWork work)
    {
        // A folder of this workshop's own: silos of a test cluster share a process, and their workshops prepare at once.
        var folder = Path.Combine(_scratch, work.ScenarioHash[..16]);
        foreach (var file in work.ScenarioFiles)
        {
            var path = Path.GetFullPath(Path.Combine(folder, file.RelativePath));
            if (!path.StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"scenario file {file.RelativePath} lies outside its folder");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Content);
        }

        var scenario = Data.Scenarios.AgentScenarioReader.Read(Path.Combine(folder, work.ScenarioFiles[0].RelativePath));
        string? posteriorPath = null;
        if (work.PosteriorContent is { } content)
        {
            posteriorPath = Path.Combine(folder, "posterior.json");
            File.WriteAllBytes(posteriorPath, content);
        }

        // The files as written here must be the work's identity, or this silo would compute something else under its key.
        var key = RunKey.For(scenario, posteriorPath);
        if (key.ScenarioHash != work.ScenarioHash || key.Parameters != work.Parameters)
        {
            throw new InvalidOperationException($"the scenario's files and parameters are {key.ScenarioHash} {key.Parameters} here, not {work.ScenarioHash} {work.Parameters}");
        }

        var posterior = PosteriorChoice.Usable(scenario, PosteriorChoice.Read(posteriorPath), posteriorPath);

        var prepared = EnsembleJob.Prepare(_data.Value, scenario);
        return new Prepared(prepared.Scenario, new CriminalMarketEngine(prepared.Inputs), posterior);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _slots.Dispose();
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    private sealed record Prepared(AgentScenario Scenario, CriminalMarketEngine Engine, PosteriorSample? Posterior);
}
