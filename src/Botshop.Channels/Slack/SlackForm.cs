using System.Text;

namespace Botshop.Channels.Slack;

/// <summary>
/// Reads an application/x-www-form-urlencoded body from the same raw bytes the signature was checked on
/// (never from a framework's already-parsed form).
/// </summary>
public static class SlackForm
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static IReadOnlyDictionary<string, string> Parse(ReadOnlySpan<byte> body)
    {
        string text;
        try { text = StrictUtf8.GetString(body); }
        catch (DecoderFallbackException) { throw new SlackRequestException("form body is not UTF-8"); }
        if (string.IsNullOrWhiteSpace(text))
            throw new SlackRequestException("form body is empty");

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split('&'))
        {
            if (pair.Length == 0)
                continue;
            var eq = pair.IndexOf('=');
            if (eq <= 0)
                throw new SlackRequestException("form field without a name or '='");
            var name = Decode(pair[..eq]);
            if (!fields.TryAdd(name, Decode(pair[(eq + 1)..])))
                throw new SlackRequestException($"form field '{name}' repeated");
        }
        return fields;
    }

    public static string Required(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new SlackRequestException($"form field '{name}' missing");

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
