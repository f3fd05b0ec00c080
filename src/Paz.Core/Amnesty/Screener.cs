namespace Paz.Core.Amnesty;

/// <summary>
/// Screens an application against a rule set and explains the decision. The same code screens real
/// applications in the registry and simulated applicants in the engine.
/// </summary>
/// <remarks>
/// Precedence, so that the decision is monotone in the exclusions: a definite reason to refuse (a
/// gate that fails, an exclusion that applies, an offence no ground covers) makes the case Ineligible
/// whatever else holds; otherwise any unknown fact a rule needs, or a review rule that holds, makes it
/// NeedsReview; otherwise it is Eligible. Adding an exclusion can therefore only move a case toward
/// Ineligible or review, never make an ineligible case eligible. Facts are looked up by name, so their
/// order in the case file cannot matter; reasons follow the rule file's order.
/// </remarks>
public static class Screener
{
    /// <summary>Screens <paramref name="case"/> under <paramref name="rules"/>.</summary>
    public static Screening Screen(RuleSet rules, AmnestyCase @case)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(@case);
        var reasons = new List<Reason>();
        foreach (var rule in rules.Rules.Where(r => r.Kind != RuleKind.Ground))
        {
            var scope = new ConditionScope(@case);
            var truth = rule.When.Evaluate(scope);
            Effect? effect = (rule.Kind, truth) switch
            {
                (RuleKind.Gate, Truth.True) => Effect.GateMet,
                (RuleKind.Gate, Truth.False) => Effect.GateFailed,
                (RuleKind.Exclusion, Truth.True) => Effect.Excluded,
                (RuleKind.Review, Truth.True) => Effect.Review,
                (RuleKind.Gate or RuleKind.Exclusion, Truth.Unknown) => Effect.Review,
                _ => null,
            };
            if (effect is { } e)
            {
                reasons.Add(new Reason(rule.Id, e, rule.Text, rule.Source, 0, scope.Uses));
            }
        }

        reasons.AddRange(Grounds(rules, @case));
        var decision = reasons.Any(r => r.Effect is Effect.GateFailed or Effect.Excluded or Effect.NotCovered) ? Decision.Ineligible
            : reasons.Any(r => r.Effect == Effect.Review) ? Decision.NeedsReview
            : Decision.Eligible;
        var obligations = decision == Decision.Ineligible
            ? []
            : rules.Obligations.Where(o => o.When is null || o.When.Evaluate(new ConditionScope(@case)) == Truth.True).ToList();
        return new Screening(@case.Id, rules.Name, rules.Version, decision, reasons, obligations);
    }

    private static IEnumerable<Reason> Grounds(RuleSet rules, AmnestyCase @case)
    {
        var grounds = rules.Rules.Where(r => r.Kind == RuleKind.Ground).ToList();
        if (@case.Offences.Count == 0)
        {
            yield return new Reason("no-offence", Effect.NotCovered, "The application names no offence to amnesty", "screener", 0, []);
            yield break;
        }

        for (var i = 0; i < @case.Offences.Count; i++)
        {
            var covering = new List<Reason>();
            var unknown = new List<Reason>();
            var read = new List<FactUse>();
            foreach (var rule in grounds)
            {
                var scope = new ConditionScope(@case, i);
                var truth = rule.When.Evaluate(scope);
                read.AddRange(scope.Uses.Where(u => !read.Contains(u)));
                if (truth == Truth.True)
                {
                    covering.Add(new Reason(rule.Id, Effect.Covers, rule.Text, rule.Source, i + 1, scope.Uses));
                }
                else if (truth == Truth.Unknown)
                {
                    unknown.Add(new Reason(rule.Id, Effect.Review, rule.Text, rule.Source, i + 1, scope.Uses));
                }
            }

            var category = @case.Offences[i].TryGetValue("offence.category", out var c) ? c.ToString() : "category not stated";
            var result = covering.Count > 0 ? covering
                : unknown.Count > 0 ? unknown
                : [new Reason("no-ground", Effect.NotCovered, $"No ground of this rule set covers offence {i + 1} ({category})", "screener", i + 1, read)];
            foreach (var reason in result)
            {
                yield return reason;
            }
        }
    }
}
