using Botshop.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Botshop.Cli;

/// <summary>The command line's composition root: configuration from appsettings.json and the environment, logs to stderr.</summary>
public static class CliServices
{
    public static ServiceProvider Build(string? dataFolder)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables();
        if (dataFolder is not null)
            builder.AddInMemoryCollection([new($"{BotshopHostingOptions.Section}:DataPath", dataFolder)]);
        var configuration = builder.Build();

        return new ServiceCollection()
            .AddLogging(logging => logging
                .AddConfiguration(configuration.GetSection("Logging"))
                .AddSimpleConsole(o => o.SingleLine = true)
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace))
            .AddBotshopCore(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
