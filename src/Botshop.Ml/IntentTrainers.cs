namespace Botshop.Ml;

/// <summary>The multiclass trainers the intent classifier can be trained with, by name.</summary>
public static class IntentTrainers
{
    public const string SdcaMaximumEntropy = nameof(SdcaMaximumEntropy);
    public const string LbfgsMaximumEntropy = nameof(LbfgsMaximumEntropy);

    public static IReadOnlyList<string> All { get; } = [SdcaMaximumEntropy, LbfgsMaximumEntropy];
}
