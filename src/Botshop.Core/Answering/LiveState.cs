using Botshop.Core.Knowledge;

namespace Botshop.Core.Answering;

/// <summary>The model being served: swapped as a whole so a request sees one version from start to end.</summary>
public sealed record ActiveModel(string Version, IIntentClassifier Classifier, DecisionPolicy Policy);

/// <summary>Holds the current value of something that is replaced whole while requests read it.</summary>
public class LiveValue<T> where T : class
{
    private T? _current;

    public T? Current => Volatile.Read(ref _current);

    public T Required => Current ?? throw new InvalidOperationException($"No {typeof(T).Name} is loaded yet.");

    public void Set(T value) => Volatile.Write(ref _current, value);
}

/// <summary>The model version in service.</summary>
public sealed class LiveModel : LiveValue<ActiveModel>;

/// <summary>The knowledge snapshot in service.</summary>
public sealed class LiveKnowledge : LiveValue<KnowledgeBase>;
