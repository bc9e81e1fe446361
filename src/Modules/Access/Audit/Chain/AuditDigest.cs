using System.Security.Cryptography;
using System.Text;

namespace Holded.Partners.Access.Audit.Chain;

/// <summary>
/// A chain's head, signed: "chain C had P links, the last one hashing to H, at this instant". Chained to the chain's
/// previous digest, so a digest taken away shows. What a client's or firm's export carries to be verified offline.
/// </summary>
public sealed record ChainDigest(
    string Id, string Chain, long Number, long Position, string Hash, long Period, DateTimeOffset At, string Previous, string KeyId, string Signature)
{
    public static string IdFor(string chain, long number) => $"{chain}/{number:D9}";

    /// <summary>The exact text signed (ECDSA P-256, SHA-256, DER signature in base64).</summary>
    public string Signed => $"audit-chain-digest-v1\n{Chain}\n{Number}\n{Position}\n{Hash}\n{Period}\n{AuditHash.Instant(At)}\n{Previous}\n";

    /// <summary>What the next digest of the chain names as its previous one.</summary>
    public string Fingerprint => Sha256(Signed + Signature);

    internal static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static void ConfigureMarten(Marten.Schema.DocumentMapping mapping)
    {
        mapping.DuplicateField(nameof(Period));
        mapping.Indexes.Add(new Marten.Schema.DocumentIndex(mapping, "period"));
    }
}

/// <summary>Where a chain's next digest goes on from (the sealer's own bookkeeping, not derived from events).</summary>
public sealed record ChainSeal(string Id, long Number, long Position, string Fingerprint);

/// <summary>
/// One per period, whatever moved: the hash of every chain digest of the period, signed and chained to the period
/// before. Taking away a whole chain (its entries, links and digests) still shows here, and so does a missing period.
/// </summary>
public sealed record PeriodDigest(
    long Id, DateTimeOffset At, long UpToSequence, int Chains, string ChainsHash, string Previous, string KeyId, string Signature)
{
    public string Signed => $"audit-period-digest-v1\n{Id}\n{AuditHash.Instant(At)}\n{UpToSequence}\n{Chains}\n{ChainsHash}\n{Previous}\n";
    public string Fingerprint => ChainDigest.Sha256(Signed + Signature);

    /// <summary>The period's chain digests, by chain in ordinal order, each as its fingerprint and a newline.</summary>
    public static string HashOf(IEnumerable<ChainDigest> digests) =>
        ChainDigest.Sha256(string.Concat(digests.OrderBy(d => d.Chain, StringComparer.Ordinal).Select(d => d.Fingerprint + "\n")));
}
