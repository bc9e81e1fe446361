using System.Security.Cryptography;
using System.Text;

namespace Holded.Partners.Access.Audit.Chain;

/// <summary>
/// How an entry is chained: one chain per client (the controller whose data was reached) and one per firm, so a
/// client's or a firm's own export verifies on its own, with no other account's entries. Each link's hash is
/// SHA-256 over the previous link's hash, a newline, and the entry's canonical form.
/// </summary>
public static class AuditHash
{
    /// <summary>The "previous hash" of a chain's first link.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string ClientChain(Guid client) => $"client:{client}";
    public static string FirmChain(Guid firm) => $"firm:{firm}";

    public static IEnumerable<string> ChainsOf(AuditEntry entry)
    {
        yield return ClientChain(entry.ClientAccountId);
        if (entry.PartnerAccountId is { } firm) yield return FirmChain(firm);
    }

    public static string Next(string previous, AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previous + "\n" + Canonical(entry))));

    /// <summary>
    /// The entry's fields in a fixed order, each written as its UTF-8 length, a colon and the value, then a newline (a
    /// missing value is "~"): unambiguous, and a few lines in any language, so an auditor can check an export without
    /// this code. Instants are UTC with seven decimals. A window of denied checks is "audit-entry-v2": the same fields,
    /// then its count, first and last instants; every other entry stays "audit-entry-v1", so no hash signed before changes.
    /// </summary>
    public static string Canonical(AuditEntry e)
    {
        var windowed = e.Count is not null;
        var text = new StringBuilder(windowed ? "audit-entry-v2\n" : "audit-entry-v1\n");
        IEnumerable<string?> fields =
        [
            e.Id.ToString(), e.Type, Instant(e.At), e.ClientAccountId.ToString(), e.PartnerAccountId?.ToString(), e.CollaborationId?.ToString(),
            e.Actor, e.Member, e.RoleBefore, e.RoleAfter, e.Permissions, Instant(e.ExpiresAt), e.Reason, e.CorrelationId,
        ];
        if (windowed) fields = fields.Concat([e.Count!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Instant(e.FirstAt), Instant(e.LastAt)]);
        foreach (var field in fields)
            text.Append(field is null ? "~" : $"{Encoding.UTF8.GetByteCount(field)}:{field}").Append('\n');
        return text.ToString();
    }

    private static string? Instant(DateTimeOffset? at) => at is { } instant ? Instant(instant) : null;

    public static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
