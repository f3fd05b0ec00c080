using Paz.Core.Territory;
using Paz.Data.Territory;
using Paz.Data.Homicides;

namespace Paz.Data.Tests;

/// <summary>
/// Every kind of malformed input named in issue 2 stops the load with the file, the line and what
/// was expected. Each test feeds a small broken file and checks all three.
/// </summary>
public class MalformedInputTests
{
    private const string MonthHeader = "cve_mun,year,month,homicides,pop_est\n";

    private static DataFormatException Load(BrokenFile file, Action<string> load)
    {
        using (file)
        {
            var error = Assert.Throws<DataFormatException>(() => load(file.Path));
            Assert.Equal(file.Path, error.File);
            Assert.StartsWith($"{file.Path}:{error.Line}: ", error.Message, StringComparison.Ordinal);
            return error;
        }
    }

    private static void Monthly(string path) => HomicideLoader.ReadMunicipalMonthly(path, TinyAtlas.Instance);

    [Fact]
    public void AMissingColumnNamesTheColumnAndTheHeaderLine()
    {
        var error = Load(new BrokenFile("mun_month.csv", "cve_mun,year,month,pop_est\n01001,2018,1,5\n"), Monthly);
        Assert.Equal(1, error.Line);
        Assert.Contains("expected a column named 'homicides'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADuplicateMunicipalityInTheAtlasNamesBothLines()
    {
        const string header = "cve_mun,cve_ent,mun_name,pop_2000,pop_2010,pop_2015,pop_2020,cabecera_lon,cabecera_lat,metro_area_2015,area_km2\n";
        const string row = "01001,01,Aguascalientes,643419,797010,877190,948990,-102.29,21.87,,1177.0\n";
        var error = Load(new BrokenFile("mx_municipios_2020.csv", header + row + row),
            p => AtlasLoader.ReadMunicipalities(p, new HashSet<StateCode> { new("01") }));
        Assert.Equal(3, error.Line);
        Assert.Contains("expected each municipality once, found 01001 again (first at line 2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADuplicateMonthInASeriesNamesBothLines()
    {
        var error = Load(new BrokenFile("mun_month.csv", MonthHeader + "01001,2018,1,5,\n01001,2018,1,6,\n"), Monthly);
        Assert.Equal(3, error.Line);
        Assert.Contains("found 01001 2018-01 again (first at line 2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownMunicipalityCodeInASeriesIsRefused()
    {
        var error = Load(new BrokenFile("mun_month.csv", MonthHeader + "01001,2018,1,5,\n01009,2018,1,6,\n"), Monthly);
        Assert.Equal(3, error.Line);
        Assert.Contains("column 'cve_mun': expected a municipality of the atlas", error.Message, StringComparison.Ordinal);
        Assert.Contains("found '01009'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedCodeIsRefused()
    {
        var error = Load(new BrokenFile("mun_month.csv", MonthHeader + "1001,2018,1,5,\n"), Monthly);
        Assert.Equal(2, error.Line);
        Assert.Contains("expected a five-digit municipality code, found '1001'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANegativeCountIsRefused()
    {
        var error = Load(new BrokenFile("mun_month.csv", MonthHeader + "01001,2018,1,5,\n01002,2018,1,-3,\n"), Monthly);
        Assert.Equal(3, error.Line);
        Assert.Contains("column 'homicides': expected a whole number of at least 0, found '-3'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANonNumericCountIsRefused()
    {
        var error = Load(new BrokenFile("flows.csv", "YEAR,homicide,missings,arrests\n2012,25967,10760,102535\n2013,many,17614,110256\n"),
            p => HomicideLoader.ReadNationalFlows(p));
        Assert.Equal(3, error.Line);
        Assert.Contains("column 'homicide': expected a whole number of at least 0, found 'many'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAdjacencyThatNamesAnUnknownMunicipalityIsRefused()
    {
        var error = Load(new BrokenFile("adjacency.csv", "cve_mun_a,cve_mun_b,contact,shared_border_km,same_state\n01001,01002,border,9.5,True\n01002,01007,border,1.0,True\n"),
            p => AtlasLoader.ReadAdjacency(p, TinyAtlas.Codes));
        Assert.Equal(3, error.Line);
        Assert.Contains("column 'cve_mun_b': expected a municipality of mx_municipios_2020.csv, found '01007'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AByteOrderMarkIsRefused()
    {
        var error = Load(new BrokenFile("flows.csv", "YEAR,homicide,missings,arrests\n2012,25967,10760,102535\n", byteOrderMark: true),
            p => HomicideLoader.ReadNationalFlows(p));
        Assert.Equal(1, error.Line);
        Assert.Contains("expected plain UTF-8 without a byte-order mark", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARowWithTooFewFieldsIsRefused()
    {
        var error = Load(new BrokenFile("mun_month.csv", MonthHeader + "01001,2018,1,5,\n01002,2018,1\n"), Monthly);
        Assert.Equal(3, error.Line);
        Assert.Contains("expected 5 fields as in the header (cve_mun,year,month,homicides,pop_est), found 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARowWithTooManyFieldsIsRefused()
    {
        var error = Load(new BrokenFile("mun_month.csv", MonthHeader + "01001,2018,1,5,,extra\n"), Monthly);
        Assert.Equal(2, error.Line);
        Assert.Contains("found 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingMonthIsRefusedRatherThanReadAsZero()
    {
        var error = Load(new BrokenFile("mun_month.csv", MonthHeader + "01001,2018,1,5,\n01001,2018,3,5,\n"), Monthly);
        Assert.Contains("01001 has none for 2018-02", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotedFieldsMayHoldCommasAndLineNumbersCountTheirLineBreaks()
    {
        var error = Load(new BrokenFile("national.csv",
            "year,inegi_homicides_definitive,inegi_homicides_preliminary,inegi_rate_per100k_published,inegi_rate_status,pop_midyear_crimenmexico,note\n" +
            "2017,,31174,25.9,definitive,123518270,\"a note, with a comma\nand a line break\"\n" +
            "2018,36685,35964,lots,definitive,124737789,\n"),
            p => HomicideLoader.ReadNational(p));
        Assert.Equal(4, error.Line);
        Assert.Contains("column 'inegi_rate_per100k_published': expected a number from 0 to 1000, found 'lots'", error.Message, StringComparison.Ordinal);
    }
}
