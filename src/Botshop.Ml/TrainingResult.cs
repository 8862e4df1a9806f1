using Botshop.Core.Answering;
using Botshop.Core.Models;

namespace Botshop.Ml;

/// <summary>A trained model ready to store: the ML.NET zip, the tuned policy and the cross-validated report.</summary>
public sealed record TrainingResult(byte[] ModelBytes, string Trainer, DecisionPolicy Policy, EvaluationReport Report, string DataHash);
