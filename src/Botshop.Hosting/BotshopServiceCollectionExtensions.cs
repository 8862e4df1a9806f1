using System.Security.Cryptography;
using Botshop.Core;
using Botshop.Core.Answering;
using Botshop.Core.Audit;
using Botshop.Core.Conversations;
using Botshop.Core.Knowledge;
using Botshop.Core.Models;
using Botshop.Core.Privacy;
using Botshop.Hosting.Accounts;
using Botshop.Hosting.Postings;
using Botshop.Hosting.Privacy;
using Botshop.Hosting.Models;
using Botshop.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Botshop.Hosting;

public static class BotshopServiceCollectionExtensions
{
    /// <summary>The bot's core services: store, knowledge, model, answering, conversation log.</summary>
    public static IServiceCollection AddBotshopCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotshopHostingOptions>().Bind(configuration.GetSection(BotshopHostingOptions.Section));
        services.AddSingleton(_ => StorageOptionsFrom(configuration));
        services.AddSingleton<BotshopDatabase>();
        services.AddSingleton<IConversationLog, ConversationLog>();
        services.AddSingleton<IKnowledgeStore, KnowledgeStore>();
        services.AddSingleton<IModelStore, ModelVersionStore>();
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddBotshopAccounts(configuration);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LiveModel>();
        services.AddSingleton<LiveKnowledge>();
        // The one way served knowledge is replaced after startup (edits, uploads, promotions, other replicas' writes).
        services.AddSingleton<KnowledgeRefresher>();
        services.AddSingleton<AnswerService>();
        // Redaction is on unless Privacy:Redaction is explicitly "false"; a value that is not a boolean fails when the conversation service is first built.
        services.AddSingleton(_ => new RedactionSettings(configuration.GetValue("Privacy:Redaction", defaultValue: true)));
        services.AddSingleton<ConversationService>();
        services.AddSingleton<ModelService>();
        services.AddSingleton<KnowledgeService>();
        services.AddSingleton<BotBootstrapper>();
        services.AddBotshopPostings(configuration);
        services.AddBotshopInbox(configuration);
        services.AddBotshopModels(configuration);
        services.AddSingleton(sp => new UserPseudonym(UserHashKey(sp.GetRequiredService<IOptions<BotshopHostingOptions>>().Value)));
        services.AddBotshopPrivacy(configuration);
        return services;
    }

    /// <summary>Database:Provider picks the engine; ConnectionStrings:Botshop the place (default: a per-user SQLite file).</summary>
    public static StorageOptions StorageOptionsFrom(IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"];
        var connectionString = configuration.GetConnectionString("Botshop");
        return new StorageOptions
        {
            Provider = string.IsNullOrWhiteSpace(provider) ? StorageOptions.Sqlite : provider,
            ConnectionString = string.IsNullOrWhiteSpace(connectionString) ? null : connectionString,
        };
    }

    internal static byte[] UserHashKey(BotshopHostingOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.UserHashKey))
        {
            var key = Convert.FromBase64String(options.UserHashKey);
            return key.Length >= 32 ? key : throw new OptionsValidationException(nameof(options.UserHashKey), typeof(BotshopHostingOptions),
                ["Botshop:UserHashKey must be at least 32 bytes, base64-encoded."]);
        }
        // No key configured: keep a generated one beside the default database, so pseudonyms survive restarts.
        var folder = Path.GetDirectoryName(StorageDefaults.DefaultSqliteConnectionString()["Data Source=".Length..])!;
        var path = Path.Combine(folder, "user-hash.key");
        try
        {
            // CreateNew: of two processes starting at once, exactly one writes the key and both then read it.
            var created = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) created.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var stream = new FileStream(path, created);
            stream.Write(RandomNumberGenerator.GetBytes(32));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Already there: use it.
        }
        return File.ReadAllBytes(path);
    }
}
