using Paz.Rules.Amnesty;

namespace Paz.Data.Tests.Amnesty;

/// <summary>Broken rule files and case files are refused with the file, the line and what was expected.</summary>
public sealed class MalformedAmnestyInputTests
{
    private const string Header = "name: t\ntitle: T\nversion: \"1\"\nsource: test\nrules:\n";
    private const string Ground = "  - { id: g, kind: ground, text: G, source: s, when: { fact: offence.category, equals: simple_theft } }\n";

    [Theory]
    [InlineData(Header + Ground + "  - { id: x, kind: gate, text: X, source: s, when: { fact: applicant.povrety, is: true } }\n", 7, "unknown fact 'applicant.povrety'")]
    [InlineData(Header + Ground + "  - { id: x, kind: gate, text: X, source: s, when: { fact: applicant.poverty, at_least: 3 } }\n", 7, "'at_least' does not apply to 'applicant.poverty'")]
    [InlineData(Header + Ground + "  - { id: x, kind: gate, text: X, source: s, when: { fact: procedural_status, equals: convicted } }\n", 7, "'procedural_status': expected one of investigated, charged, on_trial, sentenced, found 'convicted'")]
    [InlineData(Header + Ground + "  - { id: x, kind: gate, text: X, source: s, when: { fact: offence.firearm, is: true } }\n", 7, "'offence.firearm' is about one offence")]
    [InlineData(Header + Ground + "  - { id: g, kind: exclusion, text: X, source: s, when: { fact: applicant.poverty, is: true } }\n", 7, "rule id 'g' is used twice")]
    [InlineData(Header + Ground + "  - { id: x, kind: veto, text: X, source: s, when: { fact: applicant.poverty, is: true } }\n", 7, "'kind': expected one of gate, exclusion, ground, review, found 'veto'")]
    [InlineData(Header + Ground + "  - { id: x, kind: gate, text: X, source: s, when: { fact: applicant.poverty, is: maybe } }\n", 7, "'applicant.poverty': expected true or false, found 'maybe'")]
    [InlineData(Header + Ground + "  - { id: x, kind: gate, text: X, source: s, when: { all: [] } }\n", 7, "'all': expected a list of at least one condition")]
    [InlineData(Header + Ground + "  - { id: x, kind: gate, text: X, source: s, when: { any: [ { fact: applicant.age } ] } }\n", 7, "expected exactly one test for 'applicant.age'")]
    [InlineData(Header + Ground + "  - { id: x, kind: gate, text: X, source: s, colour: red, when: { fact: applicant.poverty, is: true } }\n", 7, "unknown key 'colour'")]
    [InlineData(Header + "  - { id: x, kind: gate, text: X, source: s, when: { fact: applicant.poverty, is: true } }\n", 6, "at least one rule of kind 'ground'")]
    [InlineData(Header + Ground + "obligations:\n  - { id: o, kind: community_service, text: O, source: s }\n", 8, "community service needs 'hours'")]
    [InlineData(Header + Ground + "decision_deadline_days: soon\n", 7, "'decision_deadline_days': expected a whole number")]
    [InlineData(Header + "  - { id: g, kind: ground, text: G, source: s, when: { any_offence: { fact: offence.firearm, is: true } } }\n", 6, "'any_offence' inside a condition that is already about one offence")]
    public void MalformedRuleFileIsRefusedWithItsLine(string content, int line, string expectation)
    {
        using var file = new BrokenFile("rules.yaml", content);
        var error = Assert.Throws<DataFormatException>(() => RuleSetReader.Read(file.Path));
        Assert.Equal(line, error.Line);
        Assert.Contains(expectation, error.Message, StringComparison.Ordinal);
        Assert.Contains("rules.yaml", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n  \"case_id\": \"A\",\n  \"facts\": { \"applicant\": { \"agee\": 3 } }\n}", 3, "unknown fact 'applicant.agee'")]
    [InlineData("{\n  \"case_id\": \"A\",\n  \"facts\": {\n    \"applicant\": { \"age\": \"young\" }\n  }\n}", 4, "'applicant.age' must be a number, found 'young'")]
    [InlineData("{\n  \"case_id\": \"A\",\n  \"facts\": {\n    \"applicant\": { \"age\": -3 }\n  }\n}", 4, "'applicant.age' must be a number from 12 to 120")]
    [InlineData("{\n  \"case_id\": \"A\",\n  \"facts\": {},\n  \"offences\": [ { \"max_penalty_years\": -1 } ]\n}", 4, "'offence.max_penalty_years' must be a number from 0 to 200")]
    [InlineData("{\n  \"case_id\": \"A\",\n  \"facts\": { \"procedural_status\": \"convicted\" }\n}", 3, "must be one of: investigated, charged, on_trial, sentenced")]
    [InlineData("{\n  \"case_id\": \"A\",\n  \"offences\": [\n    { \"committed\": \"last year\" }\n  ]\n}", 4, "'offence.committed' must be a date (yyyy-MM-dd), found 'last year'")]
    [InlineData("{\n  \"case_id\": \"A\",\n  \"facts\": { \"offence\": { \"firearm\": true } }\n}", 3, "describes one offence and belongs in an entry of 'offences'")]
    [InlineData("{\n  \"case_id\": \"A\",\n  \"offences\": [ { \"procedural_status\": \"charged\" } ]\n}", 3, "unknown fact 'offence.procedural_status'")]
    [InlineData("{\n  \"case_id\": \"A\",\n  \"victim\": {}\n}", 3, "unknown key 'victim'")]
    [InlineData("{\n  \"facts\": {}\n}", 1, "expected 'case_id'")]
    [InlineData("{\n  \"case_id\": \"A\",\n  \"facts\": { \"applicant\": { \"age\": 30, } }\n}", 3, "expected valid JSON")]
    public void MalformedCaseFileIsRefusedWithItsLine(string content, int line, string expectation)
    {
        using var file = new BrokenFile("case.json", content);
        var error = Assert.Throws<DataFormatException>(() => CaseFileReader.Read(file.Path));
        Assert.Equal(line, error.Line);
        Assert.Contains(expectation, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDocumentedExampleCaseReads()
    {
        var example = Path.Combine(Path.GetDirectoryName(RuleLibrary.Locate())!, "..", "docs", "examples", "amnesty-case.json");
        var @case = CaseFileReader.Read(example);
        Assert.Equal("EXAMPLE-001", @case.Id);
        Assert.Single(@case.Offences);
        Assert.Equal(19, @case.Facts["applicant.age"].Number);
    }
}
