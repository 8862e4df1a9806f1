using System.Xml.Linq;
using Botshop.Storage;
using Botshop.Storage.Privacy;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Botshop.Hosting.Privacy;

/// <summary>Data Protection's key repository over the store, so every replica and the CLI read one key ring.</summary>
public sealed class StoreXmlRepository(DataProtectionKeyStore keys, BotshopDatabase database) : IXmlRepository
{
    // Data Protection reads the key ring as the host starts, before the start-up work has migrated a new store: the
    // first use migrates it (idempotent, under the store's migration lock), so a first start finds its table.
    private readonly Lazy<bool> _migrated = new(() =>
    {
        database.MigrateAsync().GetAwaiter().GetResult(); // Data Protection's repository interface is synchronous
        return true;
    });

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        _ = _migrated.Value;
        return keys.GetAll().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        _ = _migrated.Value;
        keys.Add(friendlyName, element.ToString(SaveOptions.DisableFormatting));
    }
}
