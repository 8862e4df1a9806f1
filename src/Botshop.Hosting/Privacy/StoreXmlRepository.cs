using System.Xml.Linq;
using Botshop.Storage.Privacy;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Botshop.Hosting.Privacy;

/// <summary>Data Protection's key repository over the store, so every replica and the CLI read one key ring.</summary>
public sealed class StoreXmlRepository(DataProtectionKeyStore keys) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => keys.GetAll().Select(XElement.Parse).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        keys.Add(friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
