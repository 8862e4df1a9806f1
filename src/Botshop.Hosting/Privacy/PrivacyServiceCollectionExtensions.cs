using Botshop.Core.Privacy;
using Botshop.Storage.Privacy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Botshop.Hosting.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>Application name of the shared key ring: every replica and the CLI must use the same one.</summary>
    public const string ApplicationName = "Botshop";

    /// <summary>Retention, forget-me and export, recruiter reply storage, and Data Protection with keys in the store.</summary>
    public static IServiceCollection AddBotshopPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>();
        services.AddSingleton<ICandidateRecords, CandidateRecords>();
        services.AddSingleton<MaintenanceRuns>();
        services.AddSingleton<RetentionPurge>();
        services.AddSingleton<RetentionRunner>();
        services.AddSingleton<RecruiterReplyStore>();
        services.AddSingleton<CandidatePrivacy>();
        return services.AddBotshopDataProtection();
    }

    /// <summary>
    /// ASP.NET Core Data Protection (reply references, cookies) with its key ring in the store's data_protection_keys
    /// table, each key encrypted under a key derived from Botshop:UserHashKey.
    /// </summary>
    public static IServiceCollection AddBotshopDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<DataProtectionKeyStore>();
        services.AddSingleton<StoreXmlRepository>();
        services.AddSingleton(sp => new KeyRingEncryptionKey(
            BotshopServiceCollectionExtensions.UserHashKey(sp.GetRequiredService<IOptions<BotshopHostingOptions>>().Value)));
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            o.XmlRepository = sp.GetRequiredService<StoreXmlRepository>();
            o.XmlEncryptor = new KeyRingXmlEncryptor(sp.GetRequiredService<KeyRingEncryptionKey>());
        }));
        services.AddSingleton<DataProtectionKeyBootstrap>();
        services.AddSingleton<ReplyRefProtector>();
        return services;
    }

    private sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
    {
        public ValidateOptionsResult Validate(string? name, PrivacyOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
