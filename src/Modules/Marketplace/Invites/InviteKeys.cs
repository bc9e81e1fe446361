using System.Security.Cryptography;

namespace Holded.Partners.Marketplace.Invites;

/// <summary>
/// The two keys of one invite. The token (32 random bytes, base64url: 43 characters) goes in a URL and cannot be
/// guessed. The short code is for a person to read out or type: 8 characters from an alphabet without 0/O, 1/I/L and U
/// (Crockford's reasons), about 39 bits; typed in any case, with or without a hyphen or spaces ("k7mq-3xzp").
/// </summary>
public static class InviteKeys
{
    public const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int CodeLength = 8;
    public const int TokenLength = 43;

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string NewCode() => RandomNumberGenerator.GetString(CodeAlphabet, CodeLength);

    /// <summary>"K7MQ3XZP" as people read it: "K7MQ-3XZP".</summary>
    public static string Display(string code) => code.Length == CodeLength ? $"{code[..4]}-{code[4..]}" : code;

    /// <summary>What a key is: a token as it is, a code normalised, or null when it can be neither.</summary>
    public static InviteKey? Parse(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 100) return null;
        if (key.Length == TokenLength && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return new InviteKey(key, IsCode: false);
        var code = new string(key.Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant).ToArray());
        return code.Length == CodeLength && code.All(c => CodeAlphabet.Contains(c)) ? new InviteKey(code, IsCode: true) : null;
    }

    public const string Shape = "must be an invite link's token or its 8-character short code (letters and digits, without 0, O, 1, I, L or U).";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed record InviteKey(string Value, bool IsCode);
