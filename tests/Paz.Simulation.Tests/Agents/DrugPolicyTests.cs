using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>
/// Drug policy on the real atlas from 2019: what legalisation, licensing and eradication do where poppy is grown, and
/// why the order of legalisation and the rule of law matters.
/// </summary>
public class DrugPolicyTests
{
    private const ulong Seed = 23;

    private static readonly DateOnly Plan = new(2019, 1, 1);

    // The world as it is, shared by the tests that compare against it.
    private static readonly Lazy<ReplicateResult> StatusQuo = new(() => Run(PlanStartWorld.Policy(), 2020));

    // Marijuana legal, with rackets killing at extortion_lethality's prior top (3): tens of killings a year otherwise,
    // too few to tell two runs apart beyond Poisson noise.
    private static Settings Legal(Settings p) => p.With(DrugPolicy.MarijuanaLegal, true).With(Rackets.Lethality, 3);

    // The rule of law: four times the police within a month, and none failing vetting.
    private static Settings RuleOfLaw(Settings p) => p.With(Policing.Growth, 3).With(Policing.GrowthWeeks, 4).With(Policing.Vetting, 1);

    private static ReplicateResult Run(Timeline timeline, int through) => PlanStartWorld.Run(timeline, through, Seed);

    private static ReplicateResult From2019(Func<Settings, Settings> change, int through) => Run(PlanStartWorld.Policy((Plan, change)), through);

    private static double National(ReplicateResult run, string metric, int first, int last) =>
        run.Metrics!.Rows().Where(r => r.Metric == metric && r.Level == MetricLevel.National && r.Year >= first && r.Year <= last).Sum(r => r.Value);

    private static double Where(ReplicateResult run, string metric, int first, int last, Func<int, bool> place) =>
        run.Metrics!.Rows().Where(r => r.Metric == metric && r.Level == MetricLevel.Municipality && r.Year >= first && r.Year <= last && place(r.Place)).Sum(r => r.Value);

    private static void Show(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    private static bool Poppy(int m) => PlanStartWorld.Engine.Inputs.Plazas!.PoppyState[m];

    [Fact]
    public void LegalisationWithoutTheRuleOfLawRaisesExtortionKillingsWhereLegalCropsAreGrown()
    {
        var none = StatusQuo.Value;
        var weak = From2019(Legal, 2020);
        var strong = From2019(p => RuleOfLaw(Legal(p)), 2020);

        // Without legalisation nothing is legal, so nothing is racketeered and no one is killed for it.
        Assert.Equal(0, National(none, Rackets.Killings.Name, 2019, 2020));

        // Legal crops in the poppy states are extorted and their rackets kill, beyond Poisson noise ...
        var killedWeak = Where(weak, Rackets.Killings.Name, 2019, 2020, Poppy);
        var killedStrong = Where(strong, Rackets.Killings.Name, 2019, 2020, Poppy);
        Show($"extortion killings 2019-2020 in the poppy states: {killedWeak} with today's police, {killedStrong} with the rule of law");
        Assert.True(killedWeak > 3 * Math.Sqrt(killedWeak), $"extortion killings 2019-2020 in the poppy states: {killedWeak}");

        // ... more per inhabitant there than elsewhere (the crops are there) ...
        var inputs = PlanStartWorld.Engine.Inputs;
        double people(Func<int, bool> place) => Enumerable.Range(0, inputs.MunicipalityCount).Where(place).Sum(m => inputs.PopulationIn(m, 2019));
        var elsewhere = Where(weak, Rackets.Killings.Name, 2019, 2020, m => !Poppy(m));
        Assert.True(killedWeak / people(Poppy) > 2 * elsewhere / people(m => !Poppy(m)), $"extortion killings per inhabitant: {killedWeak} in the poppy states, {elsewhere} elsewhere");

        // ... and far fewer where the state holds the ground.
        Assert.True(killedWeak - killedStrong > 3 * Math.Sqrt(killedWeak + killedStrong), $"extortion killings 2019-2020 in the poppy states: {killedWeak} with today's police, {killedStrong} with the rule of law");
        Assert.True(National(weak, Rackets.Take.Name, 2020, 2020) > 2 * National(strong, Rackets.Take.Name, 2020, 2020));
    }

    [Fact]
    public void ARacketSetUpBeforeTheRuleOfLawOutlastsItsArrival()
    {
        // The same police arrive in January 2020 in both; legalisation comes a year before them, or with them.
        var police = new DateOnly(2020, 1, 1);
        var legaliseFirst = Run(PlanStartWorld.Policy((Plan, Legal), (police, RuleOfLaw)), 2021);
        var ruleOfLawFirst = Run(PlanStartWorld.Policy((police, p => Legal(RuleOfLaw(p)))), 2021);

        // Under the same police and the same legal crops in 2020-2021, the rackets set up in 2019 still take more
        // and kill more: they halve only every racket_persistence_weeks once the police arrive.
        var takeFirst = National(legaliseFirst, Rackets.Take.Name, 2020, 2021);
        var takeAfter = National(ruleOfLawFirst, Rackets.Take.Name, 2020, 2021);
        Show($"racket revenue 2020-2021: {takeFirst:N0} pesos legalising first, {takeAfter:N0} with the rule of law first");
        Assert.True(takeFirst > 1.5 * takeAfter, $"racket revenue 2020-2021: {takeFirst:N0} pesos legalising first, {takeAfter:N0} with the rule of law first");
        var killedFirst = National(legaliseFirst, Rackets.Killings.Name, 2020, 2021);
        var killedAfter = National(ruleOfLawFirst, Rackets.Killings.Name, 2020, 2021);
        Show($"extortion killings 2020-2021: {killedFirst} legalising first, {killedAfter} with the rule of law first");
        Assert.True(killedFirst - killedAfter > 3 * Math.Sqrt(killedFirst + killedAfter), $"extortion killings 2020-2021: {killedFirst} legalising first, {killedAfter} with the rule of law first");
    }

    [Fact]
    public void EradicationRaisesThePoolOfRecruitsWhereProductionIsHigh()
    {
        // Every planted hectare eradicated against 2018's 23,625, with the livelihoods' effect at its prior's top. The
        // groups' lost crop revenue also cuts what they can pay recruits (revenue_elasticity): held at 0 here so that
        // the pool's effect shows alone (with both, docs/engine.md gives the net).
        var eradicate = From2019(p => p.With(DrugPolicy.Eradication, 51_625).With(DrugPolicy.EradicationPool, 2).With(MarketValue.RevenueElasticity, 0), 2020);
        var asIn2018 = StatusQuo.Value;

        // Where production per inhabitant is highest (the 50 first municipalities: the sierras of the poppy states) ...
        var inputs = PlanStartWorld.Engine.Inputs;
        var production = PlazaRevenue.Of(inputs, PlanStartWorld.Settings).Production;
        var highest = Enumerable.Range(0, inputs.MunicipalityCount).OrderByDescending(m => production[m] / inputs.PopulationIn(m, 2019)).Take(50).ToHashSet();
        bool high(int m) => highest.Contains(m);

        // ... the pool swells, and so do the recruits, beyond Poisson noise.
        double before = Where(asIn2018, "recruits", 2019, 2020, high), after = Where(eradicate, "recruits", 2019, 2020, high);
        Show($"recruits 2019-2020 where production is high: {before:N0} under 2018's eradication, {after:N0} eradicating everything");
        Assert.True(after - before > 3 * Math.Sqrt(after + before), $"recruits 2019-2020 where production is high: {before:N0} under 2018's eradication, {after:N0} eradicating everything");
    }

    [Fact]
    public void LicensingWhereTheStateIsWeakDivertsMore()
    {
        // All the poppy offered licences, against the chronic-pain demand the seed cites (20 tonnes of morphine).
        Settings licence(Settings p) => p.With(DrugPolicy.LicensedShare, 1).With(DrugPolicy.LegalDemand, 20);
        var weak = From2019(licence, 2019);
        var strong = From2019(p => RuleOfLaw(licence(p)), 2019);

        var divertedWeak = National(weak, DrugPolicy.DivertedOpium.Name, 2019, 2019);
        var divertedStrong = National(strong, DrugPolicy.DivertedOpium.Name, 2019, 2019);
        Show($"licensed opium diverted in 2019: {divertedWeak:N2} t with today's police, {divertedStrong:N2} t with the rule of law");
        Assert.True(divertedWeak > 1.5 * divertedStrong, $"licensed opium diverted in 2019: {divertedWeak:N2} t with today's police, {divertedStrong:N2} t with the rule of law");

        // Legal sales never exceed the legal demand: what licensing can take from the groups is capped.
        Assert.True(National(weak, DrugPolicy.LegalOpium.Name, 2019, 2019) <= 20 + 1e-6);
        Assert.True(National(strong, DrugPolicy.LegalOpium.Name, 2019, 2019) > National(weak, DrugPolicy.LegalOpium.Name, 2019, 2019));
    }

    [Fact]
    public void UnderTheStatusQuoTheGroupsEarnTheirRevenueAndNoDrugPolicyRuns()
    {
        var run = StatusQuo.Value;
        var settings = PlanStartWorld.Settings;
        var total = National(run, MarketValue.DrugRevenue.Name, 2019, 2019) + National(run, MarketValue.ExtortionRevenue.Name, 2019, 2019) + National(run, MarketValue.FuelRevenue.Name, 2019, 2019);

        // Groups hold the revenue of the places they are present in: most of it, never more than all of it.
        Assert.InRange(total, 0.5 * settings[MarketValue.Revenue], 1.0001 * settings[MarketValue.Revenue]);
        Assert.False(DrugPolicy.Changes(settings));
        Assert.Equal(0, National(run, DrugPolicy.NewlyLegal.Name, 2018, 2020));
    }
}
