using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Paz.Rules;

/// <summary>
/// A YAML mapping read strictly: every key must be known, every value of the expected type and
/// range, and every complaint names the file and the line of the offending node.
/// </summary>
public sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _known;

    private YamlMap(string file, YamlMappingNode node, IEnumerable<string> knownKeys)
    {
        File = file;
        _node = node;
        _known = [.. knownKeys];
        foreach (var (key, _) in node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!_known.Contains(name))
            {
                throw Error(key, $"unknown key '{name}'; expected one of: {string.Join(", ", _known.Order(StringComparer.Ordinal))}");
            }
        }
    }

    /// <summary>The file the map was read from.</summary>
    public string File { get; }

    /// <summary>Parses a YAML document whose root is a mapping with only <paramref name="knownKeys"/>.</summary>
    /// <exception cref="DataFormatException">The file is missing, not YAML, or not a mapping of known keys.</exception>
    public static YamlMap Load(string path, IEnumerable<string> knownKeys)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFormatException(path, 0, $"expected a readable file: {e.Message}", e);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new DataFormatException(path, (int)e.Start.Line, $"expected valid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new DataFormatException(path, 1, "expected one YAML document whose top level is a mapping of keys to values");
        }

        return new YamlMap(path, root, knownKeys);
    }

    /// <summary>Whether the key is present.</summary>
    public bool Has(string key) => Find(key) is not null;

    /// <summary>A nested mapping with only <paramref name="knownKeys"/>, or null when the key is absent.</summary>
    public YamlMap? Map(string key, IEnumerable<string> knownKeys)
    {
        var node = Find(key);
        return node switch
        {
            null => null,
            YamlMappingNode m => new YamlMap(File, m, knownKeys),
            _ => throw Error(node, $"'{key}': expected a mapping of keys to values"),
        };
    }

    /// <summary>The keys present, in file order.</summary>
    public IEnumerable<string> Keys => _node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty);

    /// <summary>A required text value.</summary>
    public string Text(string key) => OptionalText(key) ?? throw Error(_node, $"missing key '{key}'");

    /// <summary>A text value, or null when absent.</summary>
    public string? OptionalText(string key)
    {
        var node = Find(key);
        return node switch
        {
            null => null,
            YamlScalarNode { Value: { Length: > 0 } v } => v,
            _ => throw Error(node, $"'{key}': expected text"),
        };
    }

    /// <summary>A whole number within the range; <paramref name="fallback"/> when absent (required when null).</summary>
    public long WholeNumber(string key, long min, long max, long? fallback = null)
    {
        var node = Find(key);
        if (node is null)
        {
            return fallback ?? throw Error(_node, $"missing key '{key}' (a whole number from {min} to {max})");
        }

        var raw = Scalar(node, key);
        return long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw Error(node, $"'{key}': expected a whole number from {min} to {max}, found '{raw}'");
    }

    /// <summary>A number within the range; <paramref name="fallback"/> when absent (required when null).</summary>
    public double Number(string key, double min, double max, double? fallback = null)
    {
        var node = Find(key);
        if (node is null)
        {
            return fallback ?? throw Error(_node, $"missing key '{key}' (a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)})");
        }

        var raw = Scalar(node, key);
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max && double.IsFinite(v)
            ? v
            : throw Error(node, $"'{key}': expected a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, found '{raw}'");
    }

    /// <summary>The line where the mapping starts.</summary>
    public int Line => (int)_node.Start.Line;

    /// <summary>Reads <paramref name="node"/> of <paramref name="file"/> as a mapping with only <paramref name="knownKeys"/>.</summary>
    /// <exception cref="DataFormatException">The node is not a mapping, or has an unknown key.</exception>
    public static YamlMap Of(string file, YamlNode node, IEnumerable<string> knownKeys, string what)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node is YamlMappingNode map ? new YamlMap(file, map, knownKeys) : throw ErrorIn(file, node, $"expected {what} (a mapping of keys to values)");
    }

    /// <summary>The node under a key (required).</summary>
    public YamlNode Node(string key) => Find(key) ?? throw Error(_node, $"missing key '{key}'");

    /// <summary>The items of a list under a key; empty when the key is absent.</summary>
    public IReadOnlyList<YamlNode> List(string key)
    {
        var node = Find(key);
        return node switch
        {
            null => [],
            YamlSequenceNode s => [.. s.Children],
            _ => throw Error(node, $"'{key}': expected a list (lines starting with '- ')"),
        };
    }

    /// <summary>A true/false value; <paramref name="fallback"/> when absent.</summary>
    public bool Flag(string key, bool fallback)
    {
        var node = Find(key);
        if (node is null)
        {
            return fallback;
        }

        var raw = Scalar(node, key);
        return raw switch
        {
            "true" => true,
            "false" => false,
            _ => throw Error(node, $"'{key}': expected true or false, found '{raw}'"),
        };
    }

    /// <summary>An error at a node of a file.</summary>
    public static DataFormatException ErrorIn(string file, YamlNode node, string expectation)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new(file, (int)node.Start.Line, expectation);
    }

    /// <summary>An error at the line of <paramref name="key"/>'s value (or of the mapping when absent).</summary>
    public DataFormatException ErrorAt(string key, string expectation) => Error(Find(key) ?? _node, expectation);

    private string Scalar(YamlNode node, string key) =>
        node is YamlScalarNode { Value: { } v } ? v : throw Error(node, $"'{key}': expected a single value, found a {(node is YamlMappingNode ? "mapping" : "list")}");

    private YamlNode? Find(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private DataFormatException Error(YamlNode node, string expectation) => new(File, (int)node.Start.Line, expectation);
}
