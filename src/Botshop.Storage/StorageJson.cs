using System.Text.Json;
using System.Text.Json.Serialization;

namespace Botshop.Storage;

/// <summary>The JSON used for columns holding lists and reports.</summary>
internal static class StorageJson
{
    // Metrics can be NaN (an intent never predicted has no precision): keep it rather than fail the save.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException("A stored JSON column is null.");

    public static long ToUnixMs(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
