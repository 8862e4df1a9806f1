using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Botshop.Hosting.Privacy;

/// <summary>
/// Encrypts and decrypts the reply addresses channels keep (conversations.reply_ref, messages.reply_ref) with a
/// protector of their own purpose, so no other Data Protection payload (a cookie) can be passed off as one.
/// </summary>
public sealed class ReplyRefProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "Botshop.ReplyRef.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    /// <summary>The plaintext, or null with the reason when it cannot be read (key gone, or not a reply reference).</summary>
    public string? TryUnprotect(string ciphertext, out string? error)
    {
        try
        {
            error = null;
            return _protector.Unprotect(ciphertext);
        }
        catch (CryptographicException e)
        {
            error = "the reply address cannot be decrypted: " + e.Message;
            return null;
        }
    }
}
