using CsCheck;
using Paz.Core.Amnesty;
using Paz.Rules.Amnesty;

namespace Paz.Data.Tests.Amnesty;

/// <summary>Properties every rule set must have, over random applications built from the fact catalogue.</summary>
public sealed class ScreeningPropertyTests
{
    private static readonly IReadOnlyList<RuleSet> Sets = RuleLibrary.LoadAll(RuleLibrary.Locate());

    [Fact]
    public void AddingAnExclusionNeverMakesAnIneligibleCaseEligibleNorAnyCaseMoreEligible()
    {
        Gen.Select(Gen.Int[0, Sets.Count - 1], Gen.ULong, Gen.ULong).Sample((set, caseSeed, ruleSeed) =>
        {
            var rules = Sets[set];
            var @case = RandomCase(new Random(unchecked((int)caseSeed)));
            var before = Screener.Screen(rules, @case).Decision;
            var exclusion = new Rule("added-exclusion", RuleKind.Exclusion, "added", "test", RandomCondition(new Random(unchecked((int)ruleSeed))));
            var after = Screener.Screen(rules with { Rules = [.. rules.Rules, exclusion] }, @case).Decision;
            return before switch
            {
                Decision.Ineligible => after == Decision.Ineligible,
                Decision.NeedsReview => after != Decision.Eligible,
                _ => true,
            };
        }, iter: 3000);
    }

    [Fact]
    public void TheOrderOfFactsAndOffencesNeverChangesADecision()
    {
        Gen.Select(Gen.Int[0, Sets.Count - 1], Gen.ULong, Gen.ULong).Sample((set, caseSeed, shuffleSeed) =>
        {
            var rules = Sets[set];
            var @case = RandomCase(new Random(unchecked((int)caseSeed)));
            var shuffle = new Random(unchecked((int)shuffleSeed));
            var reordered = new AmnestyCase(
                @case.Id,
                @case.Facts.OrderBy(_ => shuffle.Next()).ToDictionary(StringComparer.Ordinal),
                [.. @case.Offences.OrderBy(_ => shuffle.Next()).Select(o => (IReadOnlyDictionary<string, FactValue>)o.OrderBy(_ => shuffle.Next()).ToDictionary(StringComparer.Ordinal))]);
            var a = Screener.Screen(rules, @case);
            var b = Screener.Screen(rules, reordered);
            return a.Decision == b.Decision
                && a.FiredRules.Order(StringComparer.Ordinal).SequenceEqual(b.FiredRules.Order(StringComparer.Ordinal))
                && a.Obligations.SequenceEqual(b.Obligations);
        }, iter: 3000);
    }

    [Fact]
    public void RandomApplicationsReachEveryDecisionUnderEveryRuleSet()
    {
        // Guards the two properties above against a generator that only ever produces one kind of case.
        var random = new Random(7);
        var cases = Enumerable.Range(0, 4000).Select(_ => RandomCase(random)).ToList();
        foreach (var rules in Sets)
        {
            var decisions = cases.Select(c => Screener.Screen(rules, c).Decision).ToHashSet();
            Assert.True(decisions.Count == 3, $"{rules.Name}: only {string.Join(", ", decisions)}");
        }
    }

    private static AmnestyCase RandomCase(Random random)
    {
        var facts = FactCatalog.Facts.Where(f => !f.PerOffence && random.NextDouble() < 0.8)
            .ToDictionary(f => f.Path, f => RandomValue(f, random), StringComparer.Ordinal);
        var offences = Enumerable.Range(0, random.Next(0, 4))
            .Select(_ => (IReadOnlyDictionary<string, FactValue>)FactCatalog.Facts.Where(f => f.PerOffence && random.NextDouble() < 0.8)
                .ToDictionary(f => f.Path, f => RandomValue(f, random), StringComparer.Ordinal))
            .ToList();
        return new AmnestyCase("random", facts, offences);
    }

    private static Condition RandomCondition(Random random)
    {
        var fact = FactCatalog.Facts[random.Next(FactCatalog.Facts.Count)];
        var value = RandomValue(fact, random);
        var test = fact.Type switch
        {
            FactType.Boolean => FactTest.Is,
            FactType.Number => random.Next(2) == 0 ? FactTest.AtLeast : FactTest.AtMost,
            FactType.Date => FactTest.Before,
            _ => FactTest.EqualsValue,
        };
        Condition condition = new FactCondition(fact.Path, test, [value]);
        return fact.PerOffence ? new ForOffences(random.Next(2) == 0, condition) : condition;
    }

    private static FactValue RandomValue(FactDefinition fact, Random random) => fact.Type switch
    {
        FactType.Boolean => FactValue.Of(random.Next(2) == 0),
        FactType.Number => FactValue.Of((double)random.Next((int)Math.Max(0, fact.Minimum), (int)Math.Min(60, fact.Maximum) + 1)), // within the catalogue's range
        FactType.Date => FactValue.Of(new DateOnly(2012, 1, 1).AddDays(random.Next(0, 3650))),
        _ => FactValue.Of(fact.Words.Count > 0 ? fact.Words[random.Next(fact.Words.Count)] : "CPF 194"),
    };
}
