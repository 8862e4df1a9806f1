using System.Text.RegularExpressions;

namespace Botshop.Core.Text;

/// <summary>The one notion of "the same question" shared by the FAQ validator, the knowledge editor and the inbox.</summary>
public static partial class QuestionText
{
    /// <summary>Lowercase letters and digits only: "Is it paid?" and "is it paid" are the same question.</summary>
    public static string Normalise(string text) =>
        string.Join(' ', NonWord().Split(text.ToLowerInvariant()).Where(w => w.Length > 0));

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
