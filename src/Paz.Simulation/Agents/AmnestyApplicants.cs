using Paz.Core.Amnesty;
using Paz.Core.Justice;

namespace Paz.Simulation.Agents;

/// <summary>
/// The engine's side of the amnesty: a simulated prisoner becomes a case whose facts come from what the census
/// knows of them, screened by the tribunal's own <see cref="Screener"/> on the same rule files (one code path).
/// </summary>
/// <remarks>
/// Facts stated: the stage (pretrial prisoners are on trial, the others sentenced), the courts (federal or
/// state), the offence's category in the rules' vocabulary and what the census's crime group implies of it (a
/// firearm for "Armas de fuego", a death for homicide and feminicide, violence where the offence is violent by
/// definition, the Constitution's art. 19 catalogue of mandatory pretrial detention: homicide, rape,
/// kidnapping, human trafficking, organized crime, forced disappearance), and that the offence was committed
/// before the amnesty took effect (only those held then may apply). Everything else — age, indigenous
/// origin, poverty, a previous conviction, whether a robbery was violent — the census does not say, so it is
/// left unknown and the screener sends the case to review where a rule needs it.
/// </remarks>
public static class AmnestyApplicants
{
    private sealed record Offence(string Category, bool? Violence = null, bool? Firearm = null, bool? Death = null, bool? Mandatory = null);

    // Census crime group (as published) → the rules' vocabulary and what the group implies.
    private static readonly Dictionary<string, Offence> ByCensusGroup = new(StringComparer.Ordinal)
    {
        ["Robo"] = new("simple_theft"),
        ["Robo a casa habitación"] = new("simple_theft"),
        ["Robo a transportista"] = new("robbery_with_violence", Violence: true),
        ["Homicidio"] = new("homicide", Violence: true, Death: true, Mandatory: true),
        ["Feminicidio"] = new("homicide", Violence: true, Death: true, Mandatory: true),
        ["Lesiones"] = new("injury", Violence: true),
        ["Violación"] = new("rape", Violence: true, Mandatory: true),
        ["Otros delitos sexuales"] = new("other"),
        ["Secuestro"] = new("kidnapping", Violence: true, Mandatory: true),
        ["Privación de la libertad"] = new("other", Violence: true),
        ["Trata de personas"] = new("human_trafficking", Mandatory: true),
        ["Extorsión"] = new("extortion"),
        ["Armas de fuego"] = new("firearms", Firearm: true),
        ["Contra la salud"] = new("drug_trafficking"),
        ["Narcomenudeo"] = new("drug_dealing"),
        ["Comercio de narcóticos"] = new("drug_dealing"),
        ["Suministro de narcóticos"] = new("drug_dealing"),
        ["Venta o suministro"] = new("drug_dealing"),
        ["Posesión con fines de comercio o suministro"] = new("drug_dealing"),
        ["Posesión con fines de venta y suministro"] = new("drug_dealing"),
        ["Posesión simple"] = new("drug_possession"),
        ["Hidrocarburos y sus derivados"] = new("other"),
        ["Ejercicio abusivo de funciones"] = new("corruption"),
        ["Enriquecimiento ilícito"] = new("corruption"),
        ["No especificado"] = new("other"),
        ["Delincuencia organizada"] = new("organized_crime", Mandatory: true),
        ["Desaparición forzada"] = new("forced_disappearance", Violence: true, Mandatory: true),
        ["Violencia familiar"] = new("other", Violence: true),
        ["Encubrimiento"] = new("other"),
        ["Delitos electorales"] = new("other"),
        ["Otros"] = new("other"),
    };

    /// <summary>The census crime groups the engine knows how to state as facts.</summary>
    public static IReadOnlyCollection<string> CensusGroups => ByCensusGroup.Keys;

    /// <summary>
    /// The case of a prisoner of <paramref name="profile"/> held when an amnesty took effect on <paramref name="from"/>, the
    /// offence committed the day before, or on <paramref name="committed"/> (after <paramref name="from"/>: what the amnesty
    /// promises would-be offenders).
    /// </summary>
    /// <exception cref="ArgumentException">The profile's crime group is not one the census uses.</exception>
    public static AmnestyCase CaseOf(PrisonerProfile profile, DateOnly from, DateOnly? committed = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var offence = ByCensusGroup.TryGetValue(profile.Offence, out var o)
            ? o
            : throw new ArgumentException($"no facts known for the census crime group '{profile.Offence}'; expected one of {string.Join(", ", ByCensusGroup.Keys)}", nameof(profile));
        var facts = new Dictionary<string, FactValue>(StringComparer.Ordinal)
        {
            ["procedural_status"] = FactValue.Of(profile.Pretrial ? "on_trial" : "sentenced"),
            ["jurisdiction"] = FactValue.Of(profile.Federal ? "federal" : "state"),
        };
        var stated = new Dictionary<string, FactValue>(StringComparer.Ordinal)
        {
            ["offence.category"] = FactValue.Of(offence.Category),
            ["offence.committed"] = FactValue.Of(committed ?? from.AddDays(-1)),
        };
        Add(stated, "offence.violence", offence.Violence);
        Add(stated, "offence.firearm", offence.Firearm);
        Add(stated, "offence.caused_death", offence.Death);
        Add(stated, "offence.mandatory_pretrial_detention", offence.Mandatory);
        return new AmnestyCase($"simulated:{profile.Offence}/{(profile.Federal ? "federal" : "state")}/{(profile.Pretrial ? "pretrial" : "sentenced")}", facts, [stated]);
    }

    /// <summary>
    /// The case of a member of a self-defence militia who comes forward during a grace period: under investigation in
    /// the federal courts (arms are federal offences), applying alone, of no criminal group's ranks, disarming, leaving
    /// the militia and disclosing, for carrying arms alone or (<paramref name="violent"/>) for extortion with a firearm
    /// as well.
    /// </summary>
    public static AmnestyCase MilitiaMemberCase(DateOnly from, bool violent)
    {
        var facts = new Dictionary<string, FactValue>(StringComparer.Ordinal)
        {
            ["procedural_status"] = FactValue.Of("investigated"),
            ["jurisdiction"] = FactValue.Of("federal"),
            ["application.collective"] = FactValue.Of(false),
            ["applicant.group_rank"] = FactValue.Of("none"),
            ["applicant.militia_member"] = FactValue.Of(true),
            ["applicant.disarms"] = FactValue.Of(true),
            ["applicant.leaves_group"] = FactValue.Of(true),
            ["applicant.discloses_offences"] = FactValue.Of(true),
        };
        var arms = new Dictionary<string, FactValue>(StringComparer.Ordinal)
        {
            ["offence.category"] = FactValue.Of("firearms"),
            ["offence.committed"] = FactValue.Of(from.AddDays(-1)),
            ["offence.violence"] = FactValue.Of(false),
            ["offence.firearm"] = FactValue.Of(false),
        };
        IReadOnlyDictionary<string, FactValue>[] offences = violent
            ?
            [
                arms,
                new Dictionary<string, FactValue>(StringComparer.Ordinal)
                {
                    ["offence.category"] = FactValue.Of("extortion"),
                    ["offence.committed"] = FactValue.Of(from.AddDays(-1)),
                    ["offence.violence"] = FactValue.Of(true),
                    ["offence.firearm"] = FactValue.Of(true),
                },
            ]
            : [arms];
        return new AmnestyCase($"simulated:militia/{(violent ? "violent" : "arms")}", facts, offences);
    }

    /// <summary>Screens a prisoner of <paramref name="profile"/> under <paramref name="rules"/> with the tribunal's screener (the offence committed as <see cref="CaseOf"/> says).</summary>
    public static Screening Screen(RuleSet rules, PrisonerProfile profile, DateOnly from, DateOnly? committed = null) => Screener.Screen(rules, CaseOf(profile, from, committed));

    private static void Add(Dictionary<string, FactValue> facts, string path, bool? value)
    {
        if (value is { } v)
        {
            facts[path] = FactValue.Of(v);
        }
    }
}
