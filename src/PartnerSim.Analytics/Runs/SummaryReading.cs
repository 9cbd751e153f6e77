using System.Text.Json;

namespace PartnerSim.Analytics.Runs;

/// <summary>Required and optional fields of a summary.json (a run's or an experiment's), each failing with the path of the field it wanted.</summary>
internal static class SummaryReading
{
    /// <summary>Parses a summary.json; whatever is wrong with it is a <see cref="RunFilesException"/> naming the file (and the line, for bad JSON).</summary>
    public static T Read<T>(string path, Func<JsonElement, T> parse)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return parse(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new RunFilesException($"{path}:{(e.LineNumber ?? 0) + 1}: not valid JSON ({FirstSentence(e.Message)})", e);
        }
        catch (RunFilesException e)
        {
            throw new RunFilesException($"{path}: {e.Message}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException)
        {
            throw new RunFilesException($"{path}: unexpected content ({e.Message})", e);
        }
    }

    private static string FirstSentence(string message) => message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.');

    public static JsonElement Required(JsonElement e, string name, string where) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : throw Missing(where, name);

    public static string Text(JsonElement e, string name, string where) =>
        Required(e, name, where) is { ValueKind: JsonValueKind.String } v ? v.GetString()! : throw Wrong(where, name, "text");

    public static string? OptionalText(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static bool Flag(JsonElement e, string name, string where) =>
        Required(e, name, where).ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Wrong(where, name, "true or false"),
        };

    public static bool? OptionalFlag(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? v.GetBoolean() : null;

    public static decimal Number(JsonElement e, string name, string where) =>
        Required(e, name, where) is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : throw Wrong(where, name, "a number");

    public static decimal? OptionalNumber(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;

    /// <summary>A number that must be there but may be null (a figure undefined on the run).</summary>
    public static decimal? NullableNumber(JsonElement e, string name, string where) => Required(e, name, where) switch
    {
        { ValueKind: JsonValueKind.Number } v => v.GetDecimal(),
        { ValueKind: JsonValueKind.Null } => null,
        _ => throw Wrong(where, name, "a number or null"),
    };

    public static JsonElement.ArrayEnumerator Array(JsonElement e, string name, string where) =>
        Required(e, name, where) is { ValueKind: JsonValueKind.Array } v ? v.EnumerateArray() : throw Wrong(where, name, "a list");

    public static IEnumerable<JsonProperty> OptionalObject(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v.EnumerateObject() : [];

    private static RunFilesException Missing(string where, string name) => new($"{Join(where, name)}: missing");

    private static RunFilesException Wrong(string where, string name, string expected) => new($"{Join(where, name)}: expected {expected}");

    private static string Join(string where, string name) => where.Length == 0 ? name : $"{where}.{name}";
}
