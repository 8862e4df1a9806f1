using System.Security.Cryptography;
using Botshop.Core.Knowledge;

namespace Botshop.Knowledge.Regression;

/// <summary>
/// Reads data/regression/heldout.tsv: frozen questions with the intent they should get, never trained on. Lines are
/// "posting TAB intent TAB question"; blank lines and lines starting with # are skipped. The posting column serves the
/// candidate-facing spot check (tests/Botshop.Benchmarks/score_heldout.py); the gate scores intents only.
/// </summary>
public static class HeldOutQuestions
{
    public const string RelativePath = "regression/heldout.tsv";

    /// <summary>The questions and the file's SHA-256; no questions and "none" when the data folder has no such file.</summary>
    public static HeldOutFile Load(string dataFolder)
    {
        var path = Path.Combine(dataFolder, RelativePath);
        if (!File.Exists(path)) return new HeldOutFile([], "none");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KnowledgeDataException($"{path}: {e.Message}", e);
        }

        var questions = new List<LabeledQuestion>();
        using var reader = new StringReader(System.Text.Encoding.UTF8.GetString(bytes));
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim().Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split('\t');
            if (fields.Length != 3 || fields[1].Trim().Length == 0 || fields[2].Trim().Length == 0)
                throw new KnowledgeDataException($"{path} line {number}: expected posting, intent and question separated by tabs.");
            questions.Add(new LabeledQuestion(fields[2].Trim(), fields[1].Trim()));
        }
        return new HeldOutFile(questions, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}

public sealed record HeldOutFile(IReadOnlyList<LabeledQuestion> Questions, string Sha256);
