using System.Security.Cryptography;
using System.Text;

namespace Holded.Partners.Kernel;

/// <summary>Name-based ids (RFC 9562 version 5): the same name always gives the same id, so a stream can be found without a lookup.</summary>
public static class StableIds
{
    public static Guid For(string scope, Guid id) => For(scope, id.ToString("N"));

    public static Guid For(string scope, string name)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes($"holded-partners:{scope}:{name}"));
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
