using Paz.Core.Amnesty;
using Paz.Rules.Amnesty;

namespace Paz.Data.Tests.Amnesty;

/// <summary>The shipped rule sets decide the tabled applications as the law's and the seed's texts say.</summary>
public sealed class RuleSetCaseTests
{
    private static readonly Dictionary<string, RuleSet> Sets = RuleLibrary.LoadAll(RuleLibrary.Locate())
        .ToDictionary(s => s.Name + ".yaml", StringComparer.Ordinal);

    /// <summary>Every row, named by table and case.</summary>
    public static TheoryData<string, string> Rows()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in CaseTable.All())
        {
            data.Add(row.RuleFile, row.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void TabledApplicationGetsTheExpectedDecisionAndReasons(string ruleFile, string name)
    {
        var row = CaseTable.All().Single(r => r.RuleFile == ruleFile && r.Name == name);
        var screening = Screener.Screen(Sets[ruleFile], row.Case);
        var explanation = string.Join("\n", screening.Reasons);
        Assert.True(row.Expected == screening.Decision, $"{name} ({row.Source}): expected {row.Expected}, got {screening.Decision}\n{explanation}");
        Assert.True(
            row.Fired.Order(StringComparer.Ordinal).SequenceEqual(screening.FiredRules.Order(StringComparer.Ordinal)),
            $"{name}: expected fired [{string.Join(", ", row.Fired)}], got [{string.Join(", ", screening.FiredRules)}]\n{explanation}");
    }

    [Fact]
    public void EveryRuleSetHasAtLeastTwentyFiveTabledCases()
    {
        var counts = CaseTable.All().GroupBy(r => r.RuleFile).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(Sets.Keys, file => Assert.True(counts.GetValueOrDefault(file) >= 25, $"{file}: {counts.GetValueOrDefault(file)} tabled cases"));
    }

    [Fact]
    public void EveryRuleOfEverySetFiresInSomeTabledCase()
    {
        var fired = CaseTable.All().SelectMany(r => r.Fired.Select(f => (r.RuleFile, f))).ToHashSet();
        var never = Sets.SelectMany(s => s.Value.Rules.Select(r => (s.Key, r.Id)))
            .Where(x => !fired.Contains(x)).Select(x => $"{x.Key}:{x.Id}").ToList();
        Assert.True(never.Count == 0, $"rules no tabled case exercises: {string.Join(", ", never)}");
    }

    [Fact]
    public void EveryCatalogueFactIsDocumented()
    {
        var doc = File.ReadAllText(Path.Combine(RuleLibrary.Locate(), "..", "..", "docs", "amnesty.md"));
        var missing = FactCatalog.Facts.Where(f => !doc.Contains($"`{f.Path}`", StringComparison.Ordinal)).Select(f => f.Path).ToList();
        Assert.True(missing.Count == 0, $"docs/amnesty.md does not describe: {string.Join(", ", missing)}");
    }
}
