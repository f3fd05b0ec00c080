using System.Text.Json;
using System.Text.Json.Serialization;
using Paz.Simulation.Agents;

namespace Paz.Runs.Execution;

/// <summary>An ensemble's summary.json: national bands per year (mean, 5th and 95th percentiles) of every output, and homicides by state.</summary>
public static class RunSummary
{
    /// <summary>snake_case names, enums as text, indented: the same conventions as every --json output.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The summary of <paramref name="scenario"/>'s ensemble as text.</summary>
    public static string Text(AgentScenario scenario, IReadOnlyList<YearSummary> years) => JsonSerializer.Serialize(Of(scenario, years), Json);

    /// <summary>The summary's object (serialized with <see cref="Json"/>).</summary>
    public static object Of(AgentScenario scenario, IReadOnlyList<YearSummary> years) => new
    {
        scenario = scenario.Name,
        replicates = scenario.Replicates,
        seed = scenario.Seed,
        years = years.Select(y => new
        {
            year = y.Year,
            homicides = Band(y.Homicides),
            rate_per_100k = Band(y.RatePer100k),
            members = Band(y.Members),
            weekly_recruits = Band(y.Recruits),
            weekly_arrests = Band(y.Arrests),
            weekly_member_deaths = Band(y.MemberDeaths),
            prisoners = Band(y.PrisonPopulation),
            prisoners_pretrial = Band(y.PrisonPretrial),
            member_prisoners = Band(y.Prisoners),
            prison_recruits = Band(y.PrisonRecruits),
            youth_programmes = y.Youth is { } youth ? new { beneficiaries = Band(youth.Beneficiaries), cost_pesos = Band(youth.Cost), recruits_averted = Band(youth.RecruitsAverted), pesos_per_recruit_averted = youth.RecruitsAverted.Mean > 0 ? youth.Cost.Mean / youth.RecruitsAverted.Mean : (double?)null } : null,
            recruits_by_age = y.RecruitsByAge is { } ages ? new { aged_15_17 = Band(ages.Aged15To17), aged_18_24 = Band(ages.Aged18To24) } : null,
            revenue_pesos = y.Revenue is { } r ? new { drugs = Band(r.Drugs), extortion = Band(r.Extortion), fuel = Band(r.Fuel) } : null,
            drug_policy = y.DrugPolicy is { } d ? new { legal_opium_tonnes = Band(d.LegalOpium), diverted_opium_tonnes = Band(d.DivertedOpium), newly_legal_pesos = Band(d.NewlyLegal), racket_revenue_pesos = Band(d.RacketRevenue), extortion_killings = Band(d.ExtortionKillings) } : null,
            militias = y.Militias is { } mi ? new { militias = Band(mi.Militias), members = Band(mi.Members), killings = Band(mi.Killings), disarmed = Band(mi.Disarmed), arrested = Band(mi.Arrested) } : null,
            councils = y.DisputesMediated is { } mediated ? new { disputes_mediated = Band(mediated) } : null,
            human_rights = y.HumanRights is { } hr ? new { abuses = Band(hr.Abuses), cooperation = Band(hr.Cooperation), disappearances = Band(hr.Disappearances), missing = Band(hr.Missing), search = new { found_alive = Band(hr.FoundAlive), found_dead = Band(hr.FoundDead), bodies_identified = Band(hr.BodiesIdentified) } } : null,
            amnesty = y.Amnesty is { } a ? new { applications = Band(a.Applications), granted = Band(a.Granted), denied = Band(a.Denied), released = Band(a.Released), revoked = Band(a.Revoked), reoffended = Band(a.Reoffended) } : null,
            groups = Band(y.Groups),
            share_at_most_4_per_100k = y.ShareMeetingPromise,
            leaders_arrested = Band(y.LeadersArrested),
            middle_layer_arrested = Band(y.MiddleArrested),
            foot_soldiers_and_lookouts_arrested = Band(y.LowerArrested),
            convictions = Band(y.Convictions),
            impunity = Band(y.Impunity),
            splits = Band(y.Splits),
            sweeps_done = Band(y.SweepsDone),
            sweeps_failed = Band(y.SweepsFailed),
            police = Band(y.Police),
            states = y.States.Select(s => new { cve_ent = s.State, homicides = Band(s.Homicides), militia_members = Band(s.MilitiaMembers), disappearances = Band(s.Disappearances) }),
        }),
    };

    private static object? Band(Band? b) => b is null ? null : new { mean = b.Mean, p5 = b.P5, p95 = b.P95 };
}
