using Paz.Core.Amnesty;
using Paz.Data.Scenarios;
using Paz.Rules.Amnesty;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>The amnesty in the engine: applications from the prisons' pool, decided by the tribunal's rule files.</summary>
public class AmnestyTests
{
    private static readonly DateOnly From = new(2019, 1, 1);

    private static RuleSet Shipped(string name) => RuleLibrary.LoadAll(RuleLibrary.Locate()).Single(r => r.Name == name);

    // The plan-start world under the baseline's December 2018 settings with an amnesty from 2019 under rules (the rule
    // set attached as ScenarioResolver attaches it): the prisons as the census found them, a fifth of a run from 2015.
    private static IReadOnlyList<MetricRow> Run(RuleSet? rules, int through = 2021, Func<Settings, Settings>? also = null, ulong seed = 17)
    {
        // The lever names a shipped set (the resolver reads it); the test's own set replaces it, as the resolver would attach it.
        var settings = (also ?? (x => x))(rules is null ? PlanStartWorld.Settings : PlanStartWorld.Settings.With(Amnesty.Rules, ["proposal-2018"]).With(Amnesty.From, From));
        var timeline = new Timeline([new PolicyPeriod(DateOnly.MinValue, settings) { AmnestyRules = rules }]);
        return PlanStartWorld.Run(timeline, through, seed).Metrics!.Rows();
    }

    private static double National(IReadOnlyList<MetricRow> rows, string metric, int year) =>
        rows.Where(r => r.Metric == metric && r.Level == MetricLevel.National && r.Year == year).Sum(r => r.Value);

    private static double Total(IReadOnlyList<MetricRow> rows, string metric) =>
        rows.Where(r => r.Metric == metric && r.Level == MetricLevel.National).Sum(r => r.Value);

    [Fact]
    public void AnAmnestyReleasesPrisonersItGrantsAndNoneWithoutOne()
    {
        var none = Run(null);
        var proposal = Run(Shipped("proposal-2018"));
        Assert.Equal(0, Total(none, "amnesty_granted"));
        var granted = Total(proposal, "amnesty_granted");
        Assert.True(granted > 1_000, $"{granted:N0} granted 2019-2021");
        Assert.Equal(granted, Total(proposal, "amnesty_released"), 6);
        // Those released would have left later anyway: the gap is largest as they leave and narrows after.
        var gap2019 = National(none, "prisoners", 2019) - National(proposal, "prisoners", 2019);
        var gap2021 = National(none, "prisoners", 2021) - National(proposal, "prisoners", 2021);
        Assert.True(gap2019 > 0.5 * National(proposal, "amnesty_granted", 2019), $"2019: {gap2019:N0} fewer prisoners, {National(proposal, "amnesty_granted", 2019):N0} granted");
        Assert.InRange(gap2021, 0, granted);
    }

    [Fact]
    public void AStricterRuleSetNeverGrantsMoreInAnyStateOrYear()
    {
        var proposal = Shipped("proposal-2018");
        var stricter = proposal with
        {
            Name = "proposal-2018-stricter",
            Rules = [.. proposal.Rules, new Rule("test-no-drug-dealing", RuleKind.Exclusion, "No amnesty for drug dealing (test)", "test",
                new ForOffences(false, new FactCondition("offence.category", FactTest.EqualsValue, [FactValue.Of("drug_dealing")])))],
        };
        // The same world under both (no information to prosecutors, no deterrence erosion, no recruitment inside the
        // prisons the releases empty: the grants cannot change who is strong where, and so the fear of retaliation),
        // so any difference is the screening's.
        Settings SameWorld(Settings p) => p.With(Amnesty.Information, 0).With(Amnesty.DeterrenceErosion, 0).With(PrisonRecruitment.Rate, 0);
        var before = Run(proposal, also: SameWorld).Where(r => r.Metric == "amnesty_granted").ToDictionary(r => (r.Level, r.Place, r.Year), r => r.Value);
        var after = Run(stricter, also: SameWorld).Where(r => r.Metric == "amnesty_granted").ToDictionary(r => (r.Level, r.Place, r.Year), r => r.Value);
        Assert.All(after, kv => Assert.True(kv.Value <= before[kv.Key] + 1e-9, $"{kv.Key}: {kv.Value:0.#} granted with the exclusion against {before[kv.Key]:0.#}"));
        Assert.True(after.Values.Sum() < before.Values.Sum(), "the exclusion refuses some drug dealers the proposal would grant");
    }

    [Fact]
    public void GrantsAreRevokedOnANewOffenceOnlyWhereTheLawSaysSo()
    {
        var revoking = Shipped("proposal-2018");
        Assert.True(revoking.RevokeOnNewOffence);
        Assert.True(Total(Run(revoking), "amnesty_revoked") > 0);
        Assert.Equal(0, Total(Run(revoking with { Name = "no-revocation", RevokeOnNewOffence = false }), "amnesty_revoked"));
    }

    [Fact]
    public void MoreDecisionsAMonthGrantMoreSooner()
    {
        var rules = Shipped("proposal-2018");
        var slow = Run(rules, 2019, p => p.With(Amnesty.DecisionsPerMonth, 200));
        var fast = Run(rules, 2019, p => p.With(Amnesty.DecisionsPerMonth, 2_000));
        Assert.True(National(fast, "amnesty_granted", 2019) > 5 * National(slow, "amnesty_granted", 2019), $"granted in 2019: {National(fast, "amnesty_granted", 2019):N0} deciding 2,000 a month, {National(slow, "amnesty_granted", 2019):N0} deciding 200");
        Assert.True(National(slow, "amnesty_queue", 2019) > National(fast, "amnesty_queue", 2019));
    }

    [Fact]
    public void FearOfRetaliationLowersApplicationsMostWhereTheGroupsAreStrong()
    {
        var rules = Shipped("proposal-2018");
        var fearless = Run(rules, 2019, p => p.With(Amnesty.Retaliation, 0));
        var afraid = Run(rules, 2019, p => p.With(Amnesty.Retaliation, 0.8));
        double Applications(IReadOnlyList<MetricRow> rows, int state) => rows.Where(r => r.Metric == "amnesty_applications" && r.Level == MetricLevel.State && r.Place == state && r.Year == 2019).Sum(r => r.Value);

        // The same world (the amnesty draws nothing): only the fear differs. Members per inhabitant by state at the start.
        var inputs = PlanStartWorld.Engine.Inputs;
        var states = Enumerable.Range(0, inputs.States).Where(k => Applications(fearless, k) >= 20).ToList(); // a ratio of a few applications is noise
        var kept = states.ToDictionary(k => k, k => Applications(afraid, k) / Applications(fearless, k));
        Assert.All(kept.Values, ratio => Assert.InRange(ratio, 0.2, 1));
        var sinaloa = inputs.StateNames!.ToList().IndexOf("Sinaloa");
        var yucatan = inputs.StateNames!.ToList().IndexOf("Yucatán");
        Assert.True(kept[sinaloa] < kept[yucatan], $"share of applications kept: Sinaloa {kept[sinaloa]:P0}, Yucatán {kept[yucatan]:P0}");
    }

    [Fact]
    public void AScenarioNamesItsRuleSetAndAnUnknownOneIsRefusedWithItsLine()
    {
        var folder = Directory.CreateTempSubdirectory("paz-amnesty-").FullName;
        var path = Path.Combine(folder, "amnesty.yaml");
        File.WriteAllText(path, $"name: a\nbase: {Path.Combine(CalibratedBaseline.Folder, "baseline.yaml")}\ntimeline:\n  - from: 2020-04\n    amnesty_rules: [enacted-2020]\n    amnesty_from: 2020-04\n");
        var resolved = ScenarioResolver.WithAmnestyRules(AgentScenarioReader.Read(path), null);
        Assert.Equal("enacted-2020", resolved.Timeline.Periods[^1].AmnestyRules!.Name);
        Assert.Null(resolved.Timeline.Periods[0].AmnestyRules);

        File.WriteAllText(path, $"name: a\nbase: {Path.Combine(CalibratedBaseline.Folder, "baseline.yaml")}\ntimeline:\n  - from: 2020-04\n    amnesty_rules: [enacted-2021]\n");
        var error = Assert.Throws<DataFormatException>(() => ScenarioResolver.WithAmnestyRules(AgentScenarioReader.Read(path), null));
        Assert.Equal(5, error.Line);
        Assert.Contains("no rule set 'enacted-2021'", error.Message, StringComparison.Ordinal);
    }

    private static readonly ulong[] Seeds = [171, 172, 173, 174];

    // The proposal with a cut-off date: only offences committed before the amnesty takes effect are covered.
    private static RuleSet WithCutOff(RuleSet rules) => rules with
    {
        Name = rules.Name + "-cut-off",
        Rules = [.. rules.Rules, new Rule("test-cut-off", RuleKind.Gate, "Every offence was committed before the amnesty took effect (test)", "test",
            new ForOffences(true, new FactCondition("offence.committed", FactTest.Before, [FactValue.Of(From)])))],
    };

    [Fact]
    public void ACutOffDateLeavesNewOffencesOnlyTheLeniencyOfAnotherAmnestyBelievedIn()
    {
        var open = Shipped("proposal-2018");
        Assert.DoesNotContain(open.Rules, r => r.When.ToString()!.Contains("offence.committed", StringComparison.Ordinal));
        var withoutCutOff = National(Run(open, 2019), "amnesty_leniency", 2019);
        var believed = National(Run(WithCutOff(open), 2019, p => p.With(Amnesty.RepeatBelief, 0.5)), "amnesty_leniency", 2019);
        var disbelieved = National(Run(WithCutOff(open), 2019, p => p.With(Amnesty.RepeatBelief, 0)), "amnesty_leniency", 2019);
        Assert.True(withoutCutOff > 0.05, $"leniency promised by the proposal without a cut-off: {withoutCutOff:0.###}");
        Assert.Equal(0, disbelieved);
        Assert.Equal(0.5 * withoutCutOff, believed, 9);
    }

    [Fact]
    [Trait(Suites.Name, Suites.Country)]
    public void LeniencyPromisedToNewOffencesRaisesRecruitment()
    {
        var open = Shipped("proposal-2018");
        double Recruits(double erosion, ulong seed) => Run(open, 2021, p => p.With(Amnesty.DeterrenceErosion, erosion), seed)
            .Where(r => r.Metric == "recruits" && r.Level == MetricLevel.Municipality && r.Year >= 2019).Sum(r => r.Value);
        Paired.AssertLessWithMargin(
            [.. Seeds.Select(s => Recruits(0, s))],
            [.. Seeds.Select(s => Recruits(0.3, s))],
            "recruits 2019-2021 under the 2018 proposal (no cut-off date): no deterrence erosion against 0.3");
    }

    [Fact]
    [Trait(Suites.Name, Suites.Country)]
    public void GrantsThatObligeTestimonyGiveLeadsThatReachLeaders()
    {
        var testifying = Shipped("proposal-2018");
        Assert.Contains(testifying.Obligations, o => o.Kind == ObligationKind.Testimony);
        var silent = testifying with { Name = "silent", Obligations = [.. testifying.Obligations.Where(o => o.Kind is not (ObligationKind.Testimony or ObligationKind.Disclosure))] };
        Assert.Equal(0, Total(Run(silent, 2019, p => p.With(Amnesty.Information, 0.01)), "prosecution_leads_from_amnesty"));

        double Leaders(double information, ulong seed) => Total(Run(testifying, 2021, p => p.With(Amnesty.Information, information), seed), "leaders_by_testimony");
        Paired.AssertLessWithMargin(
            [.. Seeds.Select(s => Leaders(0, s))],
            [.. Seeds.Select(s => Leaders(0.01, s))],
            "leaders arrested on testimony 2019-2021 under the 2018 proposal: grantees give no information against 0.01 leads each");
    }
}

/// <summary>The census's offence mix as the engine's applicants see it.</summary>
public class PrisonOffenceMixTests
{
    [Fact]
    public void EveryCrimeGroupTheCensusUsesHasItsFactsAndTheSharesOfEachStageSumToOne()
    {
        var data = CalibratedBaseline.Data;
        foreach (var year in Enumerable.Range(2010, 9))
        {
            var mix = Paz.Data.Justice.PrisonOffenceMix.Load(data.Source, data.Atlas, year);
            Assert.All(mix.SelectMany(state => state), p => Assert.Contains(p.Offence, AmnestyApplicants.CensusGroups));
            Assert.All(mix.Where(state => state.Count > 0), state =>
                Assert.All(state.GroupBy(p => p.Pretrial), stage => Assert.Equal(1, stage.Sum(p => p.Share), 9)));
        }
    }
}
