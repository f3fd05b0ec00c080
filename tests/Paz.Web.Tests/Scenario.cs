using Paz.Tribunal;
using Paz.Tribunal.Cases;
using Paz.Tribunal.Security;

namespace Paz.Web.Tests;

/// <summary>Cases brought to a given state through the registry, for tests that act on them over HTTP.</summary>
public static class Scenario
{
    /// <summary>An application the recommended design finds eligible (a young lookout carrying drugs, no violence).</summary>
    public const string EligibleFacts = """
        {
          "case_id": "T-1",
          "facts": { "procedural_status": "sentenced", "jurisdiction": "federal", "application": { "collective": false },
                     "applicant": { "age": 19, "poverty": true, "repeat_offender": false, "group_rank": "lookout", "discloses_offences": true, "leaves_group": true } },
          "offences": [ { "category": "drug_transport", "committed": "2017-06-14", "violence": false, "firearm": false } ]
        }
        """;

    /// <summary>An application the recommended design refuses (a homicide).</summary>
    public const string IneligibleFacts = """
        {
          "case_id": "T-2",
          "facts": { "procedural_status": "sentenced", "application": { "collective": false },
                     "applicant": { "group_rank": "foot_soldier", "discloses_offences": true, "leaves_group": true } },
          "offences": [ { "category": "homicide", "violence": true, "firearm": true } ]
        }
        """;

    /// <summary>The ids a prepared case exposes.</summary>
    public sealed record Prepared(string Case, string? Victim, string? Obligation);

    /// <summary>Files a case and moves it to <paramref name="status"/>; assigns the host's advocate and registers a victim.</summary>
    public static async Task<Prepared> CaseIn(TribunalHost host, CaseStatus status, string name = "Ana Pérez Test", string facts = EligibleFacts)
    {
        ArgumentNullException.ThrowIfNull(host);
        var registry = host.Registry;
        var clerk = host.Users[Role.Clerk];
        var commissioner = host.Users[Role.Commissioner];
        var advocate = host.Users[Role.VictimsAdvocate];
        var filed = await registry.FileCaseAsync(clerk, "setup", new NewCase(name, "Calle 1, Oaxaca", "recommended", facts));
        await registry.AssignAdvocateAsync(clerk, "setup", filed.Id, advocate.Name);
        var victim = await registry.AddVictimAsync(advocate, "setup", filed.Id, "Victim Test", "555 0100");
        string? obligation = null;
        if (status >= CaseStatus.Screened)
        {
            var screened = await registry.ScreenAsync(clerk, "setup", filed.Id);
            obligation = screened.Obligations.Count > 0 ? screened.Obligations[0].Id : null;
        }

        if (status >= CaseStatus.UnderReview)
        {
            await registry.ReviewAsync(commissioner, "setup", filed.Id);
        }

        if (status is CaseStatus.Granted or CaseStatus.Revoked)
        {
            await registry.DecideAsync(commissioner, "setup", filed.Id, true, "meets the design");
        }

        if (status == CaseStatus.Denied)
        {
            await registry.DecideAsync(commissioner, "setup", filed.Id, false, "does not meet the design");
        }

        return new Prepared(filed.Id, victim, obligation);
    }
}
