namespace Paz.Data;

/// <summary>
/// The folder of shipped data (the repository's <c>data/</c>) and the file each loader reads.
/// Paths are relative to <see cref="Root"/> so that error messages read like the repository.
/// </summary>
public sealed class DataDirectory
{
    /// <summary>Name of the environment variable that points Paz at another data folder.</summary>
    public const string EnvironmentVariable = "PAZ_DATA";

    /// <summary>Uses <paramref name="root"/> as the data folder.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public DataDirectory(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"data folder '{root}' does not exist");
        }

        Root = Path.GetFullPath(root);
    }

    /// <summary>The data folder, as an absolute path.</summary>
    public string Root { get; }

    /// <summary>atlas/mx_states.csv</summary>
    public string States => File("atlas/mx_states.csv");

    /// <summary>atlas/mx_municipios_2020.csv</summary>
    public string Municipalities => File("atlas/mx_municipios_2020.csv");

    /// <summary>atlas/mx_municipio_adjacency_2020.csv</summary>
    public string Adjacency => File("atlas/mx_municipio_adjacency_2020.csv");

    /// <summary>atlas/mx_municipios_2020_simplified.topojson</summary>
    public string MunicipalBoundaries => File("atlas/mx_municipios_2020_simplified.topojson");

    /// <summary>atlas/mx_states_simplified.topojson</summary>
    public string StateBoundaries => File("atlas/mx_states_simplified.topojson");

    /// <summary>homicides/inegi_homicides_mun_month_gargiulo_to2018.csv</summary>
    public string MunicipalMonthlyHomicides => File("homicides/inegi_homicides_mun_month_gargiulo_to2018.csv");

    /// <summary>homicides/inegi_homicides_mun_year_gargiulo_to2018.csv</summary>
    public string MunicipalYearlyHomicides => File("homicides/inegi_homicides_mun_year_gargiulo_to2018.csv");

    /// <summary>homicides/inegi_homicides_state_month_gargiulo_to2018.csv</summary>
    public string StateMonthlyHomicides => File("homicides/inegi_homicides_state_month_gargiulo_to2018.csv");

    /// <summary>homicides/inegi_homicides_state_year_gargiulo_to2018.csv</summary>
    public string StateYearlyHomicides => File("homicides/inegi_homicides_state_year_gargiulo_to2018.csv");

    /// <summary>homicides/sesnsp_victims_state_month_to2018.csv</summary>
    public string SesnspMonthly => File("homicides/sesnsp_victims_state_month_to2018.csv");

    /// <summary>homicides/sesnsp_victims_state_year_to2018.csv</summary>
    public string SesnspYearly => File("homicides/sesnsp_victims_state_year_to2018.csv");

    /// <summary>homicides/inegi_homicides_national_year_to2018.csv</summary>
    public string NationalHomicides => File("homicides/inegi_homicides_national_year_to2018.csv");

    /// <summary>homicides/national_homicides_missing_arrests_2012_2018.csv</summary>
    public string NationalFlows => File("homicides/national_homicides_missing_arrests_2012_2018.csv");

    /// <summary>prisons/enpol_sentences.csv</summary>
    public string EnpolSentences => File("prisons/enpol_sentences.csv");

    /// <summary>groups/BACRIM2020_Nodes.csv</summary>
    public string GroupNodes => File("groups/BACRIM2020_Nodes.csv");

    /// <summary>groups/BACRIM2020_Rivals.csv</summary>
    public string GroupRivalries => File("groups/BACRIM2020_Rivals.csv");

    /// <summary>groups/BACRIM2020_Alliances.csv</summary>
    public string GroupAlliances => File("groups/BACRIM2020_Alliances.csv");

    /// <summary>groups/bacrim2020_state_records.csv</summary>
    public string GroupStateRecords => File("groups/bacrim2020_state_records.csv");

    /// <summary>groups/cide_ppd_state_group_presence_2015_2018.csv</summary>
    public string CidePresence => File("groups/cide_ppd_state_group_presence_2015_2018.csv");

    /// <summary>history/ucdp_ged_mexico_dyad_state_year_2006_2018.csv</summary>
    public string UcdpDyads => File("history/ucdp_ged_mexico_dyad_state_year_2006_2018.csv");

    /// <summary>groups/mco_state_group_year_2007_2015.csv</summary>
    public string McoPresence => File("groups/mco_state_group_year_2007_2015.csv");

    /// <summary>groups/organization_bases_transcribed.csv</summary>
    public string OrganizationBases => File("groups/organization_bases_transcribed.csv");

    /// <summary>socioeconomic/conapo_marginalization_mun_1990_2015.csv</summary>
    public string Marginalization => File("socioeconomic/conapo_marginalization_mun_1990_2015.csv");

    /// <summary>socioeconomic/conapo_mun_men_15_29_2010_2018.csv</summary>
    public string YoungMen => File("socioeconomic/conapo_mun_men_15_29_2010_2018.csv");

    /// <summary>socioeconomic/coneval_poverty_mun_2010.csv</summary>
    public string Poverty => File("socioeconomic/coneval_poverty_mun_2010.csv");

    /// <summary>police/sedena_confrontations_state_year_2007_2018.csv</summary>
    public string ArmyConfrontations => File("police/sedena_confrontations_state_year_2007_2018.csv");

    /// <summary>missing/rnped_national_by_year_last_seen_2000_2017_transcribed.csv</summary>
    public string MissingByYear => File("missing/rnped_national_by_year_last_seen_2000_2017_transcribed.csv");

    /// <summary>police/autodefensas_michoacan_named_municipalities_transcribed.csv</summary>
    public string MichoacanMilitias => File("police/autodefensas_michoacan_named_municipalities_transcribed.csv");

    /// <summary>markets/plaza_sites_transcribed.csv</summary>
    public string PlazaSites => File("markets/plaza_sites_transcribed.csv");

    /// <summary>markets/poppy_states_transcribed.csv</summary>
    public string PoppyStates => File("markets/poppy_states_transcribed.csv");

    /// <summary>prisons/inegi_cngspspe_state_prison_legal_status_2010_2018.csv</summary>
    public string PrisonLegalStatus => File("prisons/inegi_cngspspe_state_prison_legal_status_2010_2018.csv");

    /// <summary>prisons/inegi_cngspspe_state_prison_crime_records_2010_2018.csv</summary>
    public string PrisonOffenceRecords => File("prisons/inegi_cngspspe_state_prison_crime_records_2010_2018.csv");

    /// <summary>police/municipal_police_2010_cngmd2011.csv</summary>
    public string MunicipalPolice => File("police/municipal_police_2010_cngmd2011.csv");

    /// <summary>police/state_police_strength_fragments_transcribed.csv</summary>
    public string StatePoliceFragments => File("police/state_police_strength_fragments_transcribed.csv");

    /// <summary>
    /// Finds the data folder: the explicit path if given, else <c>$PAZ_DATA</c>, else the first
    /// <c>data/</c> holding a PROVENANCE.md in the working folder, the program's folder, or above them.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No data folder was found; the message says where Paz looked.</exception>
    public static DataDirectory Locate(string? explicitPath = null)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return new DataDirectory(explicitPath);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return new DataDirectory(fromEnvironment);
        }

        var looked = new List<string>();
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data");
                looked.Add(candidate);
                if (System.IO.File.Exists(Path.Combine(candidate, "PROVENANCE.md")))
                {
                    return new DataDirectory(candidate);
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"no data folder found (a 'data/' with PROVENANCE.md); pass --data DIR or set {EnvironmentVariable}. Looked in: {string.Join(", ", looked.Distinct())}");
    }

    private string File(string relative) => Path.Combine(Root, relative);
}
