namespace Paz.Core.Amnesty;

/// <summary>A fact the rules may ask about and a case may state.</summary>
/// <param name="Path">Dotted name, e.g. <c>applicant.indigenous</c> or <c>offence.firearm</c>.</param>
/// <param name="Type">Its type.</param>
/// <param name="Description">What it means, for the clerk and the rule writer.</param>
/// <param name="Words">For text facts, the allowed words (empty: free text).</param>
public sealed record FactDefinition(string Path, FactType Type, string Description, IReadOnlyList<string> Words)
{
    /// <summary>For number facts, the smallest value a case may state.</summary>
    public double Minimum { get; init; } = double.NegativeInfinity;

    /// <summary>For number facts, the largest value a case may state.</summary>
    public double Maximum { get; init; } = double.PositiveInfinity;

    /// <summary>Whether the fact describes one offence (<c>offence.*</c>) rather than the case.</summary>
    public bool PerOffence => Path.StartsWith(FactCatalog.OffencePrefix, StringComparison.Ordinal);
}

/// <summary>
/// The closed vocabulary of facts shared by rule files and case files: a rule that names an unknown
/// fact, or a case that states one, is refused when read, so a typo cannot silently make a rule
/// never fire. Documented in docs/amnesty.md.
/// </summary>
public static class FactCatalog
{
    /// <summary>Prefix of the facts that describe one offence.</summary>
    public const string OffencePrefix = "offence.";

    /// <summary>Offence categories (the legal_rules.md vocabulary, coarse on purpose).</summary>
    public static readonly IReadOnlyList<string> OffenceCategories =
    [
        "abortion", "kinship_homicide_unborn", "drug_possession", "drug_cultivation", "drug_transport", "drug_dealing",
        "drug_trafficking", "simple_theft", "robbery_with_violence", "sedition", "homicide", "injury", "kidnapping",
        "extortion", "torture", "rape", "human_trafficking", "forced_disappearance", "organized_crime", "firearms",
        "money_laundering", "corruption", "other",
    ];

    private static readonly FactDefinition[] All =
    [
        Word("procedural_status", "stage of the criminal proceedings", "investigated", "charged", "on_trial", "sentenced"),
        Word("jurisdiction", "courts with jurisdiction over the case", "federal", "state"),
        Flag("application.collective", "the application is made for a group or collective rather than for one person"),
        // Under 12 no one answers for an offence in Mexico (the adolescents' justice system starts at 12).
        Number("applicant.age", "age in years at the time of the offences", 12, 120),
        Flag("applicant.indigenous", "belongs to an indigenous people or community"),
        Flag("applicant.afro_mexican", "belongs to an Afro-Mexican people or community"),
        Flag("applicant.farmer", "works the land (campesino)"),
        Flag("applicant.poverty", "lives in poverty or extreme vulnerability because of exclusion or discrimination"),
        Flag("applicant.permanent_disability", "has a permanent disability"),
        Flag("applicant.instructed_by_relative", "acted on the instruction of a spouse, partner or relative"),
        Flag("applicant.well_founded_fear", "acted out of well-founded fear"),
        Flag("applicant.forced_by_organized_crime", "was forced by an organized-crime group"),
        Flag("applicant.interpreter_and_defender_guaranteed", "had an interpreter and defender who knew their language and culture"),
        Flag("applicant.repeat_offender", "has a prior conviction for the same offence"),
        Flag("applicant.militia_member", "belongs to a self-defence group (autodefensa) or militia"),
        Flag("applicant.community_police", "serves in a community or indigenous police recognised under the Constitution's art. 2"),
        Flag("applicant.public_official", "was a public official, police officer or soldier at the time"),
        Word("applicant.group_rank", "rank in a criminal group", "none", "lookout", "foot_soldier", "middle_layer", "leader"),
        Flag("applicant.discloses_offences", "offers full disclosure of the offences"),
        Flag("applicant.will_testify", "will testify in judicial and truth-telling processes"),
        Flag("applicant.surrenders_assets", "will turn over illegally obtained assets"),
        Flag("applicant.leaves_group", "stops associating with criminal groups"),
        Flag("applicant.disarms", "surrenders weapons"),
        Word("victims.forgiveness", "whether the victims or affected communities forgave the applicant", "granted", "refused", "pending", "no_victims"),
        Flag("victims.heard", "victims were able to confront the applicant and state their grievances"),
        Word("offence.category", "kind of offence", [.. OffenceCategories]),
        FreeText("offence.article", "legal article charged, e.g. 'CPF 195'"),
        DateFact("offence.committed", "date of the offence"),
        Flag("offence.violence", "violence was used"),
        Flag("offence.firearm", "a firearm was used"),
        Flag("offence.caused_death", "someone died because of the offence"),
        Flag("offence.serious_injury", "someone suffered serious injuries"),
        Flag("offence.terrorism", "the offence is terrorism"),
        Flag("offence.mandatory_pretrial_detention", "the offence is in the Constitution's art. 19 catalogue or is a serious federal offence"),
        Number("offence.max_penalty_years", "maximum prison term for the offence, in years", 0, 200),
        Number("offence.personal_use_multiple", "quantity held, as a multiple of the maximum personal-use dose (LGS art. 479)", 0, double.PositiveInfinity),
        Flag("offence.for_sale", "drugs were held for sale or distribution"),
        Flag("offence.political_motive", "committed for political reasons or in a social movement"),
        Word("offence.role", "the applicant's role in an abortion case", "mother", "health_staff", "relative", "other"),
        Flag("offence.mother_consent", "the mother consented (abortion cases)"),
    ];

    private static readonly Dictionary<string, FactDefinition> ByPath = All.ToDictionary(f => f.Path, StringComparer.Ordinal);

    /// <summary>Every fact, in documentation order.</summary>
    public static IReadOnlyList<FactDefinition> Facts => All;

    /// <summary>The definition of a fact, or null if the catalogue has none by that name.</summary>
    public static FactDefinition? Find(string path) => ByPath.GetValueOrDefault(path);

    private static FactDefinition Flag(string path, string description) => new(path, FactType.Boolean, description, []);

    private static FactDefinition Number(string path, string description, double minimum, double maximum) =>
        new(path, FactType.Number, description, []) { Minimum = minimum, Maximum = maximum };

    private static FactDefinition DateFact(string path, string description) => new(path, FactType.Date, description, []);

    private static FactDefinition FreeText(string path, string description) => new(path, FactType.Text, description, []);

    private static FactDefinition Word(string path, string description, params string[] words) => new(path, FactType.Text, description, words);
}
