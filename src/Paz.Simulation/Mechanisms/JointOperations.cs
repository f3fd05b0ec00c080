using Paz.Core.Parameters;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Joint military operations and the confrontations they provoke: the rival explanation (a) of the violence.
/// Claims: the joint operations of 2006-2011 raised homicides in the places they entered (Espinosa &amp; Rubin
/// 2015, "Did the military interventions in the Mexican drug war increase violence?"); crackdowns weaken
/// the incumbent group and its rivals move in to contest the place (Dell 2015); SEDENA's armed confrontations
/// rose from 48 (2007) to 1,009 (2011) and fell to 186 (2015) with the deployments (data/police). The seed
/// names the deployments of soldiers "to Mexican streets" as the policy of 2007-2018.
/// - Deployment: military_personnel soldiers over the military_places municipalities with most homicides in
///   the last year among the states of operation_states (everywhere when it names none), in proportion to
///   their homicides (+1); redeployed every four weeks and when a period begins.
/// - Provocation, where the run holds the explanation "confrontation": conflict between groups in a
///   municipality is multiplied by 1 + operation_provocation · x / (x + provocation_half), x soldiers per
///   1,000 inhabitants (the signal <see cref="WeekContext.Provocation"/>). Without it soldiers only deter,
///   through uniformed presence.
/// Declares: operation_provocation, provocation_half (reads military_personnel, military_places,
/// operation_states). Metric: soldiers_deployed (state, mean).
/// </summary>
public sealed class JointOperations : IMechanism
{
    private const int RedeployEvery = 4;

    /// <summary>How much soldiers at saturation multiply the conflict between groups where they operate.</summary>
    public static readonly ParameterSpec OperationProvocation = new("operation_provocation", 1, "relative rise of conflict at saturation", "assumed; fitted in the history replay (Espinosa & Rubin 2015; Dell 2015)", 0, 10, "extra conflict between groups where soldiers operate, when the explanation 'confrontation' holds")
    { Prior = Prior.Uniform(0, 4) };

    /// <summary>Soldiers per 1,000 inhabitants at which half the provocation is reached.</summary>
    public static readonly ParameterSpec ProvocationHalf = new("provocation_half", 1, "soldiers per 1,000 inhabitants", "assumed", 0.01, 20, "presence of soldiers at which half of the provocation is reached")
    { Prior = Prior.LogUniform(0.1, 5) };

    /// <summary>Soldiers by state.</summary>
    public static readonly MetricSpec SoldiersDeployed = new("soldiers_deployed", "soldiers", MetricAggregation.Mean, "soldiers deployed against organized crime (mean over the year's weeks)");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new(
        "joint_operations",
        "joint military operations provoke confrontations: the incumbent weakened, rivals contest the place",
        [OperationProvocation, ProvocationHalf],
        () => new JointOperations());

    private int _lastDeployed = int.MinValue / 2;
    private double[]? _soldiers;
    private double[]? _provocation;

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var s = context.Settings;
        if (context.Week - _lastDeployed >= RedeployEvery || context.PeriodBegins)
        {
            _lastDeployed = context.Week;
            _soldiers = Deploy(context);
            _provocation = s.Holds(Explanation.Confrontation) && _soldiers is not null
                ? Provocation(context, _soldiers, s[OperationProvocation], s[ProvocationHalf])
                : null;
        }

        context.Provocation = _provocation;
        if (_soldiers is not null && s.Names(ForceLevers.OperationStates).Count > 0)
        {
            context.Metrics.RecordAll(SoldiersDeployed, MetricLevel.Municipality, _soldiers);
        }
    }

    // Soldiers by municipality: those of the operation states (or all), by last year's violence; null where no state is named and the explanation is off (nothing reads them).
    private static double[]? Deploy(WeekContext context)
    {
        var s = context.Settings;
        var named = s.Names(ForceLevers.OperationStates);
        if (named.Count == 0 && !s.Holds(Explanation.Confrontation))
        {
            return null;
        }

        var inputs = context.Inputs;
        var inOperation = inputs.StatesNamed(named, ForceLevers.OperationStates.Name);
        var lastYear = context.LastYear;
        var masked = new double[lastYear.Length];
        for (var m = 0; m < masked.Length; m++)
        {
            masked[m] = inOperation is null || inOperation[inputs.StateOf[m]] ? lastYear[m] : -1;
        }

        var places = inOperation is null
            ? s.Whole(ForceLevers.MilitaryPlaces)
            : Math.Min(s.Whole(ForceLevers.MilitaryPlaces), masked.Count(h => h >= 0));
        return UniformedPresence.ByViolence(inputs.MunicipalityCount, s.Whole(ForceLevers.MilitaryPersonnel), places, masked);
    }

    // The factor on conflict in each municipality: 1 + provocation · x / (x + half), x soldiers per 1,000 inhabitants.
    private static double[] Provocation(WeekContext context, double[] soldiers, double provocation, double half)
    {
        var inputs = context.Inputs;
        var factor = new double[soldiers.Length];
        for (var m = 0; m < factor.Length; m++)
        {
            var x = soldiers[m] / Math.Max(1, inputs.PopulationIn(m, context.Date.Year) / 1000);
            factor[m] = 1 + (provocation * x / (x + half));
        }

        return factor;
    }
}
