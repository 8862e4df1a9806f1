using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Botshop.Hosting.Privacy;

/// <summary>
/// The key that encrypts Data Protection keys before they are stored: derived (HKDF-SHA256) from Botshop:UserHashKey,
/// a secret kept in configuration, never in the store. A copy of the database alone therefore cannot decrypt reply
/// references or cookies.
/// </summary>
public sealed class KeyRingEncryptionKey
{
    private static readonly byte[] Info = Encoding.UTF8.GetBytes("Botshop.DataProtection.KeyRing.v1");

    public KeyRingEncryptionKey(byte[] userHashKey) => Bytes = HKDF.DeriveKey(HashAlgorithmName.SHA256, userHashKey, 32, salt: [], info: Info);

    internal byte[] Bytes { get; }
}

/// <summary>Encrypts a key's XML with AES-256-GCM under <see cref="KeyRingEncryptionKey"/>.</summary>
public sealed class KeyRingXmlEncryptor(KeyRingEncryptionKey key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(key.Bytes, tag.Length)) aes.Encrypt(nonce, plaintext, ciphertext, tag);
        var element = new XElement(KeyRingXmlDecryptor.ElementName,
            new XComment(" Encrypted with a key derived from Botshop:UserHashKey. "),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(KeyRingXmlDecryptor));
    }
}

/// <summary>
/// Decrypts what <see cref="KeyRingXmlEncryptor"/> wrote. Data Protection creates it by type name from the stored
/// XML, passing the application's services: keep the type's name, or stored keys become unreadable.
/// </summary>
public sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    internal const string ElementName = "botshopEncryptedKey";

    public XElement Decrypt(XElement encryptedElement)
    {
        var key = services.GetRequiredService<KeyRingEncryptionKey>();
        var nonce = Read(encryptedElement, "nonce");
        var tag = Read(encryptedElement, "tag");
        var ciphertext = Read(encryptedElement, "value");
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(key.Bytes, tag.Length)) aes.Decrypt(nonce, ciphertext, tag, plaintext);
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }

    private static byte[] Read(XElement element, string name) =>
        Convert.FromBase64String(element.Element(name)?.Value ?? throw new CryptographicException($"An encrypted key has no <{name}>."));
}
