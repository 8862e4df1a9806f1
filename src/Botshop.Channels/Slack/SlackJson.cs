using System.Text.Json;

namespace Botshop.Channels.Slack;

/// <summary>Strict reads of Slack's JSON: a field of the wrong type is malformed input, not a silent default.</summary>
internal static class SlackJson
{
    public static JsonDocument Parse(ReadOnlyMemory<byte> json, string what)
    {
        try { return JsonDocument.Parse(json); }
        catch (JsonException) { throw new SlackRequestException($"{what} is not valid JSON"); }
    }

    public static void RequireObject(JsonElement element, string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new SlackRequestException($"{what} is not a JSON object");
    }

    /// <summary>The string at <paramref name="name"/>, or null when absent or JSON null.</summary>
    public static string? String(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new SlackRequestException($"'{name}' is not a string");
    }

    public static string RequiredString(JsonElement obj, string name) =>
        String(obj, name) is { Length: > 0 } value ? value : throw new SlackRequestException($"'{name}' missing");

    /// <summary>The object at <paramref name="name"/>, or an undefined element when absent.</summary>
    public static JsonElement Object(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return default;
        return value.ValueKind == JsonValueKind.Object ? value : throw new SlackRequestException($"'{name}' is not an object");
    }

    public static bool Bool(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
