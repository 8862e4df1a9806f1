using System.Security.Cryptography;
using System.Text;
using Botshop.Core.Knowledge;

namespace Botshop.Ml;

/// <summary>Identifies a training set regardless of the order its examples were read in.</summary>
public static class TrainingDataHash
{
    /// <summary>Lowercase hex SHA-256 over the (intent, text) pairs sorted ordinally.</summary>
    public static string Compute(IEnumerable<LabeledQuestion> examples)
    {
        var lines = examples
            .Select(e => (e.Intent, e.Text))
            .Order(Comparer<(string Intent, string Text)>.Create(Compare))
            .Select(p => $"{p.Intent}\t{p.Text}\n");
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in lines)
            sha.AppendData(Encoding.UTF8.GetBytes(line));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static int Compare((string Intent, string Text) a, (string Intent, string Text) b)
    {
        var byIntent = string.CompareOrdinal(a.Intent, b.Intent);
        return byIntent != 0 ? byIntent : string.CompareOrdinal(a.Text, b.Text);
    }
}
