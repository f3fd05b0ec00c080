using Paz.Core.Amnesty;

namespace Paz.Cli.Commands.Amnesty;

/// <summary>The JSON shape of a screening (<c>paz amnesty screen --json</c>).</summary>
public sealed record ScreeningJson(
    string CaseId, string RuleSet, string RuleSetVersion, Decision Decision, IReadOnlyList<string> FiredRules,
    IReadOnlyList<ScreeningJson.ReasonJson> Reasons, IReadOnlyList<ScreeningJson.ObligationJson> Obligations)
{
    /// <summary>Converts a screening.</summary>
    public static ScreeningJson From(Screening s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.CaseId, s.RuleSet, s.RuleSetVersion, s.Decision, s.FiredRules,
            [.. s.Reasons.Select(r => new ReasonJson(r.RuleId, r.Effect, r.Text, r.Source, r.Offence, [.. r.Facts.Select(f => f.ToString())]))],
            [.. s.Obligations.Select(o => new ObligationJson(o.Id, o.Kind, o.Text, o.Hours))]);
    }

    /// <summary>One reason.</summary>
    public sealed record ReasonJson(string RuleId, Effect Effect, string Text, string Source, int Offence, IReadOnlyList<string> Facts);

    /// <summary>One obligation.</summary>
    public sealed record ObligationJson(string Id, ObligationKind Kind, string Text, double Hours);
}
