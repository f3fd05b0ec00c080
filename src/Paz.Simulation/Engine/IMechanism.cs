namespace Paz.Simulation.Engine;

/// <summary>
/// One mechanism of the engine: a claim of the report or the evidence turned into weekly decisions on
/// the world. The engine calls <see cref="Start"/> once per replicate, after the world is built, then
/// <see cref="Step"/> every week in the order of <see cref="Schedule.Mechanisms"/>. A mechanism keeps its
/// own state in its fields (one instance per replicate); what other mechanisms need from it is published
/// as a named signal of the <see cref="WeekContext"/>, never read from its fields.
/// </summary>
public interface IMechanism
{
    /// <summary>Called once before the first week (warm starts, precomputed factors); nothing by default.</summary>
    void Start(WeekContext context)
    {
    }

    /// <summary>Decides this week's events of the mechanism.</summary>
    void Step(WeekContext context);
}

/// <summary>A registered mechanism: its name, what it declares, and how to make one for a replicate.</summary>
/// <param name="Name">Short name (also the prefix of its metrics in docs).</param>
/// <param name="Claim">The claim of the report or the evidence it implements, in one line.</param>
/// <param name="Declares">The parameters and levers it reads, declared once here.</param>
/// <param name="Create">Makes a fresh instance for one replicate.</param>
public sealed record MechanismInfo(string Name, string Claim, IReadOnlyList<Core.Parameters.ParameterSpec> Declares, Func<IMechanism> Create);
