using System.Globalization;
using Paz.Simulation.Agents;

namespace Paz.Cli.Commands;

/// <summary>Writes a run's plausibility flags to the console: each year outside the record and the mechanisms that moved most.</summary>
internal static class PlausibilityNotes
{
    public static void Write(CommandConsole console, string scenario, IReadOnlyList<ImplausibleChange> flags, ChangeEnvelope envelope)
    {
        foreach (var f in flags)
        {
            var movers = string.Join(", ", f.Movers.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Mechanism} {m.Change:+#,0;-#,0;0}")));
            console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"plausibility: {scenario} {f.Year}: national homicides {f.Change:+0.0%;-0.0%}, outside INEGI's {envelope.FromYear}-{envelope.ToYear} range ({envelope.Low:+0.0%;-0.0%} to {envelope.High:+0.0%;-0.0%}); moved most: {movers}"));
        }
    }
}
