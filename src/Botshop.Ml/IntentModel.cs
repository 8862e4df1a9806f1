using Botshop.Core.Answering;
using Microsoft.ML;

namespace Botshop.Ml;

/// <summary>Loads a stored model (ML.NET's zip) as a thread-safe classifier.</summary>
public static class IntentModel
{
    public static IIntentClassifier Load(byte[] modelBytes)
    {
        ArgumentNullException.ThrowIfNull(modelBytes);
        var ml = new MLContext(seed: 0);
        using var stream = new MemoryStream(modelBytes, writable: false);
        var model = ml.Model.Load(stream, out _);
        return new PooledIntentClassifier(ml, model);
    }

    internal static byte[] Save(MLContext ml, ITransformer model, DataViewSchema inputSchema)
    {
        using var stream = new MemoryStream();
        ml.Model.Save(model, inputSchema, stream);
        return stream.ToArray();
    }
}
