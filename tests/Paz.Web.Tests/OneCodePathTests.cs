using System.Reflection;
using System.Reflection.Emit;
using Paz.Core.Amnesty;
using Paz.Core.Justice;
using Paz.Rules.Amnesty;
using Paz.Simulation.Agents;
using Paz.Tribunal;
using Paz.Tribunal.Security;

namespace Paz.Web.Tests;

/// <summary>The same rules code screens real and simulated applicants: the registry and the engine decide alike.</summary>
public class OneCodePathTests
{
    private static readonly DateOnly AmnestyFrom = new(2020, 4, 1);

    // Every kind of prisoner the engine can make a case of: each census crime group, courts and stage.
    private static IEnumerable<PrisonerProfile> EveryProfile() =>
        from offence in AmnestyApplicants.CensusGroups
        from federal in new[] { false, true }
        from pretrial in new[] { false, true }
        select new PrisonerProfile(offence, federal, pretrial, Female: false, Share: 1);

    [Fact]
    public async Task EveryCaseTheEngineCanBuildIsDecidedAlikeThroughTheRegistry()
    {
        using var host = new TribunalHost(Backend.Sqlite);
        var clerk = host.Users[Role.Clerk];
        var rules = RuleLibrary.LoadAll(RuleLibrary.Locate());
        Assert.Equal(4, rules.Count);
        var decisions = new Dictionary<(string Set, PrisonerProfile Profile), Decision>();
        foreach (var set in rules)
        {
            foreach (var profile in EveryProfile())
            {
                var engine = AmnestyApplicants.Screen(set, profile, AmnestyFrom);
                var facts = CaseFileWriter.Write(AmnestyApplicants.CaseOf(profile, AmnestyFrom));
                var filed = await host.Registry.FileCaseAsync(clerk, "test", new NewCase("Simulated Applicant", null, set.Name, facts));
                var registry = await host.Registry.ScreenAsync(clerk, "test", filed.Id);

                var what = $"{set.Name}: {profile.Offence}, {(profile.Federal ? "federal" : "state")}, {(profile.Pretrial ? "pretrial" : "sentenced")}";
                Assert.True(Registry.Wire(engine.Decision) == registry.Screening, $"{what}: engine {engine.Decision}, registry {registry.Screening}");
                Assert.Equal(engine.Reasons.Select(r => r.ToString()), registry.Explanation);
                Assert.Equal(engine.Obligations.Select(o => (o.Text, o.Hours)).Order(), registry.Obligations.Select(o => (o.Text, o.HoursRequired)).Order());
                decisions[(set.Name, profile)] = engine.Decision;
            }
        }

        // The space is not trivial: refusals and reviews (no case is eligible outright, since the census leaves facts such
        // as a previous conviction unknown), and rule sets that decide the same prisoner differently.
        Assert.Contains(Decision.Ineligible, decisions.Values);
        Assert.Contains(Decision.NeedsReview, decisions.Values);
        Assert.Contains(EveryProfile(), p => rules.Select(r => decisions[(r.Name, p)]).Distinct().Count() > 1);
    }

    [Fact]
    public void TheEnginesAmnestyCallsTheTribunalsScreenerAndEvaluatesNoRuleItself()
    {
        var screen = typeof(AmnestyApplicants).GetMethod(nameof(AmnestyApplicants.Screen))!;
        Assert.Contains(Calls(screen), m => m.DeclaringType == typeof(Screener) && m.Name == nameof(Screener.Screen));

        // No method of the engine's assembly evaluates a rule's condition: the only screening is the Screener's.
        var simulation = typeof(AmnestyApplicants).Assembly;
        var evaluators = simulation.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => Calls(m).Any(c => typeof(Condition).IsAssignableFrom(c.DeclaringType)))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();
        Assert.Empty(evaluators);
        Assert.Contains(simulation.GetTypes(), t => t.Name == "Amnesty" && t.Namespace == "Paz.Simulation.Mechanisms");
    }

    // The methods a method's IL calls (call, callvirt, newobj; ldftn for lambdas' targets).
    private static IEnumerable<MethodBase> Calls(MethodInfo method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var singleByte = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).Where(o => o.Size == 1).ToDictionary(o => o.Value);
        var twoByte = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).Where(o => o.Size == 2).ToDictionary(o => (byte)(o.Value & 0xFF));
        for (var i = 0; i < il.Length;)
        {
            var code = il[i] == 0xFE ? twoByte[il[++i]] : singleByte[il[i]];
            i++;
            if (code.OperandType == OperandType.InlineMethod)
            {
                MethodBase? callee = null;
                try
                {
                    callee = method.Module.ResolveMethod(BitConverter.ToInt32(il, i), method.DeclaringType?.GetGenericArguments(), method.GetGenericArguments());
                }
                catch (ArgumentException)
                {
                }

                if (callee is not null)
                {
                    yield return callee;
                }
            }

            i += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
        }
    }
}
