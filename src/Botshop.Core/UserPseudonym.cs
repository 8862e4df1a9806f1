using System.Security.Cryptography;
using System.Text;

namespace Botshop.Core;

/// <summary>
/// Keyed hash of a platform user id: one candidate's messages group together, but the stored value names no one
/// and cannot be reversed without the key.
/// </summary>
public sealed class UserPseudonym(byte[] key)
{
    public string For(string channel, string platformUserId)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(channel + ":" + platformUserId));
        return "u_" + Convert.ToHexStringLower(mac.AsSpan(0, 12));
    }
}
