using System.Globalization;
using System.Text.Json;
using Paz.Core.Amnesty;

namespace Paz.Rules.Amnesty;

/// <summary>
/// Reads an application's facts from JSON (docs/amnesty.md): <c>case_id</c>, <c>facts</c> (nested
/// objects give dotted names, e.g. <c>applicant.age</c>) and <c>offences</c> (a list of objects whose
/// keys are the <c>offence.*</c> facts without the prefix). Every fact is checked against the
/// catalogue; errors give the file and line. A null value means "not stated".
/// </summary>
public static class CaseFileReader
{
    /// <summary>Reads a case file.</summary>
    /// <exception cref="DataFormatException">The file is missing or malformed.</exception>
    public static AmnestyCase Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFormatException(path, 0, $"expected a readable case file: {e.Message}", e);
        }

        return Parse(bytes, path);
    }

    /// <summary>Parses a case from JSON bytes; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="DataFormatException">The JSON is malformed or states an unknown or ill-typed fact.</exception>
    public static AmnestyCase Parse(ReadOnlySpan<byte> json, string source)
    {
        var parser = new Parser(json.ToArray(), source);
        try
        {
            return parser.Case();
        }
        catch (JsonException e)
        {
            throw new DataFormatException(source, (int)(e.LineNumber ?? 0) + 1, $"expected valid JSON: {e.Message}", e);
        }
    }

    private sealed class Parser(byte[] bytes, string source)
    {
        private readonly List<int> _lineStarts = LineStarts(bytes);

        public AmnestyCase Case()
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            Expect(ref reader, JsonTokenType.StartObject, "a JSON object with case_id, facts and offences");
            string? id = null;
            var facts = new Dictionary<string, FactValue>(StringComparer.Ordinal);
            var offences = new List<IReadOnlyDictionary<string, FactValue>>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                if (!seen.Add(name))
                {
                    throw Error(ref reader, $"'{name}' appears twice; expected each key once");
                }

                switch (name)
                {
                    case "case_id":
                        Expect(ref reader, JsonTokenType.String, "case_id as text");
                        id = reader.GetString();
                        break;
                    case "facts":
                        Expect(ref reader, JsonTokenType.StartObject, "facts as an object");
                        Object(ref reader, string.Empty, facts, perOffence: false);
                        break;
                    case "offences":
                        Expect(ref reader, JsonTokenType.StartArray, "offences as a list of objects");
                        while (Next(ref reader) == JsonTokenType.StartObject)
                        {
                            var offence = new Dictionary<string, FactValue>(StringComparer.Ordinal);
                            Object(ref reader, FactCatalog.OffencePrefix, offence, perOffence: true);
                            offences.Add(offence);
                        }

                        if (reader.TokenType != JsonTokenType.EndArray)
                        {
                            throw Error(ref reader, "expected each offence as an object");
                        }

                        break;
                    default:
                        throw Error(ref reader, $"unknown key '{name}'; expected case_id, facts, offences");
                }
            }

            if (string.IsNullOrWhiteSpace(id))
            {
                throw new DataFormatException(source, 1, "expected 'case_id' (text)");
            }

            return new AmnestyCase(id, facts, offences);
        }

        private void Object(ref Utf8JsonReader reader, string prefix, Dictionary<string, FactValue> into, bool perOffence)
        {
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                var path = prefix + reader.GetString();
                var token = Next(ref reader);
                if (token == JsonTokenType.StartObject)
                {
                    Object(ref reader, path + ".", into, perOffence);
                    continue;
                }

                if (token == JsonTokenType.Null)
                {
                    continue; // not stated
                }

                var definition = FactCatalog.Find(path) ?? throw Error(ref reader, $"unknown fact '{path}'; the catalogue is in docs/amnesty.md");
                FactValue value = token switch
                {
                    JsonTokenType.True => FactValue.Of(true),
                    JsonTokenType.False => FactValue.Of(false),
                    JsonTokenType.Number => FactValue.Of(reader.GetDouble()),
                    JsonTokenType.String when definition.Type == FactType.Date =>
                        DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                            ? FactValue.Of(date)
                            : throw Error(ref reader, $"'{path}' must be a date (yyyy-MM-dd), found '{reader.GetString()}'"),
                    JsonTokenType.String => FactValue.Of(reader.GetString()!),
                    _ => throw Error(ref reader, $"'{path}': expected a value (true, false, a number or text), found {token}"),
                };
                if (AmnestyCase.Problem(path, value, perOffence) is { } problem)
                {
                    throw Error(ref reader, problem);
                }

                if (!into.TryAdd(path, value))
                {
                    throw Error(ref reader, $"'{path}' is stated twice");
                }
            }
        }

        private static JsonTokenType Next(ref Utf8JsonReader reader)
        {
            reader.Read();
            return reader.TokenType;
        }

        private void Expect(ref Utf8JsonReader reader, JsonTokenType type, string expectation)
        {
            if (Next(ref reader) != type)
            {
                throw Error(ref reader, $"expected {expectation}");
            }
        }

        private DataFormatException Error(ref Utf8JsonReader reader, string expectation)
        {
            var at = (int)reader.TokenStartIndex;
            var index = _lineStarts.BinarySearch(at);
            var line = index >= 0 ? index + 1 : ~index;
            return new DataFormatException(source, line, expectation);
        }

        private static List<int> LineStarts(byte[] bytes)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    starts.Add(i + 1);
                }
            }

            return starts;
        }
    }
}
