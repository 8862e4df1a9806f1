using Xunit.Abstractions;
using Xunit.Sdk;

namespace Botshop.Storage.Tests.Infrastructure;

/// <summary>
/// A [Fact] for the per-engine suites: skipped, with the reason shown, when the concrete suite's engine is not
/// configured (see <see cref="SkipUnlessEnvironmentAttribute"/>), so a plain `dotnet test` runs SQLite only.
/// </summary>
[XunitTestCaseDiscoverer("Botshop.Storage.Tests.Infrastructure.StorageFactDiscoverer", "Botshop.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageFactAttribute : FactAttribute;

/// <summary>Marks a suite subclass whose engine needs an environment variable (a connection string) to run.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SkipUnlessEnvironmentAttribute(string variable) : Attribute
{
    public string Variable { get; } = variable;
}

public sealed class StorageFactDiscoverer(IMessageSink sink) : FactDiscoverer(sink)
{
    private readonly IMessageSink _sink = sink;

    public override IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var required = testMethod.TestClass.Class.GetCustomAttributes(typeof(SkipUnlessEnvironmentAttribute))
            .Select(a => a.GetConstructorArguments().Single() as string)
            .FirstOrDefault(v => string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v!)));
        if (required is null) return base.Discover(options, testMethod, factAttribute);
        return
        [
            new XunitSkippedDataRowTestCase(_sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(),
                testMethod, $"{required} is not set (tests/Botshop.Storage.Tests/run-postgres.sh sets it)"),
        ];
    }
}
