namespace Paz.Core.Amnesty;

/// <summary>The outcome of screening an application.</summary>
public enum Decision
{
    /// <summary>Every gate holds, no exclusion applies, every offence is covered.</summary>
    Eligible,

    /// <summary>A gate fails, an exclusion applies, or an offence has no ground.</summary>
    Ineligible,

    /// <summary>A needed fact is not stated, or a rule asks for a person's judgment.</summary>
    NeedsReview,
}

/// <summary>How a rule bore on the decision.</summary>
public enum Effect
{
    /// <summary>A gate that holds.</summary>
    GateMet,

    /// <summary>A gate that does not hold.</summary>
    GateFailed,

    /// <summary>An exclusion that applies.</summary>
    Excluded,

    /// <summary>A ground that covers an offence.</summary>
    Covers,

    /// <summary>No ground covers an offence.</summary>
    NotCovered,

    /// <summary>A rule whose facts are not all stated, or a review rule that holds.</summary>
    Review,
}

/// <summary>One reason in a decision's explanation.</summary>
/// <param name="RuleId">The rule (or <c>no-ground</c> for an uncovered offence).</param>
/// <param name="Effect">How it bore on the decision.</param>
/// <param name="Text">The rule's text.</param>
/// <param name="Source">The rule's source.</param>
/// <param name="Offence">The offence (1-based) for per-offence reasons, else 0.</param>
/// <param name="Facts">The facts it read, with their values.</param>
public sealed record Reason(string RuleId, Effect Effect, string Text, string Source, int Offence, IReadOnlyList<FactUse> Facts)
{
    /// <summary>Whether the reason is a rule that fired (everything but a gate that simply holds).</summary>
    public bool Fired => Effect != Effect.GateMet;

    /// <summary>As read aloud.</summary>
    public override string ToString()
    {
        var what = Effect switch
        {
            Effect.GateMet => "condition met",
            Effect.GateFailed => "condition not met",
            Effect.Excluded => "exclusion applies",
            Effect.Covers => $"offence {Offence} covered",
            Effect.NotCovered => $"offence {Offence} not covered",
            _ => "needs review",
        };
        var facts = Facts.Count > 0 ? $" [{string.Join("; ", Facts)}]" : string.Empty;
        return $"{what}: {RuleId} — {Text} ({Source}){facts}";
    }
}

/// <summary>A screened application: the decision, every reason, and the obligations of a grant.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="RuleSet">Rule set name.</param>
/// <param name="RuleSetVersion">Rule set version.</param>
/// <param name="Decision">The decision.</param>
/// <param name="Reasons">Every reason, in rule-file order.</param>
/// <param name="Obligations">What a grant would require.</param>
public sealed record Screening(string CaseId, string RuleSet, string RuleSetVersion, Decision Decision, IReadOnlyList<Reason> Reasons, IReadOnlyList<Obligation> Obligations)
{
    /// <summary>Identifiers of the rules that fired (each once, in order).</summary>
    public IReadOnlyList<string> FiredRules => [.. Reasons.Where(r => r.Fired).Select(r => r.RuleId).Distinct()];
}
