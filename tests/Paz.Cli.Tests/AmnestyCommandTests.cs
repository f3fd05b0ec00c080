using System.Text.Json;
using Paz.Rules.Amnesty;

namespace Paz.Cli.Tests;

public class AmnestyCommandTests
{
    private static string Example => Path.GetFullPath(Path.Combine(RuleLibrary.Locate(), "..", "..", "docs", "examples", "amnesty-case.json"));

    private static string Rules(string name) => Path.Combine(RuleLibrary.Locate(), name + ".yaml");

    [Fact]
    public void ScreenPrintsTheDecisionTheRulesThatFiredAndTheFactsTheyUsed()
    {
        var run = PazRun.Of("amnesty", "screen", "--rules", Rules("enacted-2020"), Example);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("EXAMPLE-001 under enacted-2020", run.Output, StringComparison.Ordinal);
        Assert.Contains(": Eligible", run.Output, StringComparison.Ordinal);
        Assert.Contains("offence 1 covered: art1-III-a-drugs-vulnerable", run.Output, StringComparison.Ordinal);
        Assert.Contains("applicant.poverty = yes", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ScreenAsJsonGivesDecisionFiredRulesAndObligations()
    {
        var run = PazRun.Of("amnesty", "screen", "--json", "--rules", Rules("recommended"), Example);
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("eligible", json.RootElement.GetProperty("decision").GetString());
        Assert.Contains("rec-nonviolent", json.RootElement.GetProperty("fired_rules").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(json.RootElement.GetProperty("obligations").EnumerateArray(), o => o.GetProperty("kind").GetString() == "community_service" && o.GetProperty("hours").GetDouble() == 400);
    }

    [Fact]
    public void CompareShowsEveryShippedRuleSetsDecisionSideBySide()
    {
        var run = PazRun.Of("amnesty", "compare", "--json", Example);
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var decisions = json.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("rule_set").GetString()!, e => e.GetProperty("decision").GetString());
        Assert.Equal(["enacted-2020", "proposal-2018", "recommended", "vulnerable-groups"], decisions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("needs_review", decisions["proposal-2018"]); // testimony, assets and disarmament are not stated
        Assert.Equal("eligible", decisions["enacted-2020"]);

        var table = PazRun.Of("amnesty", "compare", Example);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("NeedsReview", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ABrokenCaseFileExitsWithTwoAndNamesTheLine()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("paz-cli-").FullName, "case.json");
        File.WriteAllText(file, "{\n  \"case_id\": \"X\",\n  \"facts\": { \"applicant\": { \"age\": \"old\" } }\n}");
        var run = PazRun.Of("amnesty", "screen", "--rules", Rules("enacted-2020"), file);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("case.json:3: 'applicant.age' must be a number", run.Error, StringComparison.Ordinal);
    }
}
