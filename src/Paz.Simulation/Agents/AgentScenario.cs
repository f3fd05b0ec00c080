using Paz.Simulation.Engine;

namespace Paz.Simulation.Agents;

/// <summary>A scenario for the agent-based engine: period, ensemble, seed, and the timeline of its settings.</summary>
/// <param name="Name">Scenario name (also the folder under runs/).</param>
/// <param name="Description">What it encodes.</param>
/// <param name="Start">First week's date.</param>
/// <param name="End">Last month simulated (inclusive).</param>
/// <param name="Replicates">Ensemble size.</param>
/// <param name="Seed">Master seed; replicate k runs with a seed derived from it and k.</param>
/// <param name="Timeline">Parameters and levers in force over time.</param>
/// <param name="Calibration">Fit statistics written by <c>paz calibrate</c>, if any.</param>
public sealed record AgentScenario(
    string Name,
    string Description,
    DateOnly Start,
    DateOnly End,
    int Replicates,
    ulong Seed,
    Timeline Timeline,
    IReadOnlyDictionary<string, double>? Calibration = null)
{
    /// <summary>The settings in force at the start (the model parameters hold throughout unless a timeline entry switches one).</summary>
    public Settings Settings => Timeline.First;

    /// <summary>Where the value in force of each key was set in the scenario files, by period index and key, for errors found after reading (e.g. a priority group the network does not hold); keys left at their defaults are absent.</summary>
    public IReadOnlyDictionary<(int Period, string Key), SourceLine> Sources { get; init; } = new Dictionary<(int Period, string Key), SourceLine>();

    /// <summary>The files the scenario was read from: its own, then its base's and so on (full paths; empty for a scenario built in code).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Parameters <c>paz calibrate</c> and <c>paz backtest</c> fit besides those declared fitted (the scenario's <c>fit</c> list).</summary>
    public IReadOnlyList<string> Fit { get; init; } = [];

    /// <summary>The free parameters of a calibration of this scenario: those declared fitted, then its <see cref="Fit"/> list.</summary>
    public IReadOnlyList<FreeParameter> FreeParameters =>
        [.. Agents.Calibration.DefaultFree, .. Fit.Where(n => Agents.Calibration.DefaultFree.All(f => f.Name != n)).Select(n => new FreeParameter(n, Declarations.Find(n)!.Prior!))];

    /// <summary>Weeks from <see cref="Start"/> through the end of <see cref="End"/>'s month.</summary>
    public int Weeks => (int)Math.Ceiling((End.AddMonths(1).AddDays(-End.Day + 1).DayNumber - Start.DayNumber) / 7.0);

    /// <summary>The seed of replicate <paramref name="k"/>: independent of thread scheduling.</summary>
    public ulong ReplicateSeed(int k) => new Core.Randomness.Xoshiro256StarStar(unchecked(Seed + ((ulong)k * 0x9E3779B97F4A7C15UL))).NextUInt64();
}

/// <summary>A line of a scenario file.</summary>
/// <param name="File">The file.</param>
/// <param name="Line">The line, 1-based.</param>
public readonly record struct SourceLine(string File, int Line)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>One lever a scenario sets: when, to what, and the comment above it in the file (the passage it encodes).</summary>
/// <param name="From">The first month of the timeline entry that sets it (the scenario's start for its policy block).</param>
/// <param name="Lever">The lever's name.</param>
/// <param name="Value">The value as written in the file.</param>
/// <param name="Passage">The comment lines just above it, joined (empty when there are none).</param>
/// <param name="File">The file that sets it.</param>
/// <param name="Line">Its line.</param>
public sealed record LeverPassage(DateOnly From, string Lever, string Value, string Passage, string File, int Line);
