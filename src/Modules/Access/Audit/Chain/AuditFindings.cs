namespace Holded.Partners.Access.Audit.Chain;

/// <summary>What a verification found wrong: which entry (or place in a chain), and how it differs from what was recorded.</summary>
public sealed record AuditFinding(string Kind, string? Chain, long? Position, Guid? EntryId, string Detail);

public static class AuditFindingKinds
{
    public const string EntryModified = "entry_modified";
    public const string EntryRemoved = "entry_removed";
    public const string EntryInserted = "entry_inserted";
    public const string ChainBroken = "chain_broken";
    public const string DigestMismatch = "digest_mismatch";
    public const string DigestInvalid = "digest_invalid";
    public const string DigestMissing = "digest_missing";
}

/// <summary>
/// The result of walking a trail: intact or not, the first finding (the earliest place it was changed), and what was
/// covered — how far the digests sign it, and how many entries are chained but not yet signed.
/// </summary>
public sealed record AuditVerification(
    bool Intact, long Entries, int Chains, long Digests, DateTimeOffset? SealedAt, long Unsealed, AuditFinding? First,
    IReadOnlyList<AuditFinding> Findings, int FindingsCount, IReadOnlyList<string> KeyIds);

/// <summary>Collects findings in the order met; after a chain's first break its later places are not reported again.</summary>
internal sealed class Findings
{
    public const int Limit = 100;
    private readonly List<AuditFinding> _listed = [];
    private readonly HashSet<string> _broken = [];
    public int Count { get; private set; }
    public IReadOnlyList<AuditFinding> Listed => _listed;

    public bool IsBroken(string chain) => _broken.Contains(chain);

    public void Add(string kind, string? chain, long? position, Guid? entry, string detail, bool breaks = false)
    {
        if (chain is not null && _broken.Contains(chain) && breaks) return;
        if (chain is not null && breaks) _broken.Add(chain);
        Count++;
        if (_listed.Count < Limit) _listed.Add(new AuditFinding(kind, chain, position, entry, detail));
    }
}

/// <summary>The checks of one chain's digests, the same on the database and on an exported proof.</summary>
internal static class ChainDigestChecks
{
    /// <summary>
    /// Numbered from 1 without a gap, each naming the one before, signed by a known key, and each signing the hash the
    /// chain really has at its position (<paramref name="hashAt"/>: null when the chain is shorter than signed).
    /// </summary>
    public static void Check(string chain, IReadOnlyList<ChainDigest> digests, IReadOnlyList<AuditKey> keys, Func<long, string?> hashAt, Findings findings)
    {
        var previous = AuditHash.Genesis;
        long signedUpTo = 0;
        for (var i = 0; i < digests.Count; i++)
        {
            var d = digests[i];
            if (d.Number != i + 1)
            {
                findings.Add(AuditFindingKinds.DigestMissing, chain, d.Position, null,
                    $"Digest {i + 1} of {chain} is missing: the digests go from {i} to {d.Number}.");
                previous = d.Previous;
            }
            if (d.Previous != previous)
                findings.Add(AuditFindingKinds.DigestMissing, chain, d.Position, null, $"Digest {d.Number} of {chain} does not name the digest before it.");
            if (keys.FirstOrDefault(k => k.KeyId == d.KeyId) is not { } key || !key.Verifies(d.Signed, d.Signature))
                findings.Add(AuditFindingKinds.DigestInvalid, chain, d.Position, null,
                    $"Digest {d.Number} of {chain} is not signed by a known key ({d.KeyId}): it was altered or forged.");
            else if (hashAt(d.Position) is not { } actual)
                findings.Add(AuditFindingKinds.EntryRemoved, chain, d.Position, null,
                    $"{chain} was signed at {AuditHash.Instant(d.At)} with {d.Position} entries and has fewer now: entries after position {signedUpTo} were removed.", breaks: true);
            else if (actual != d.Hash)
                findings.Add(AuditFindingKinds.DigestMismatch, chain, d.Position, null,
                    $"{chain} up to position {d.Position} is not what was signed at {AuditHash.Instant(d.At)} (digest {d.Number}): an entry after " +
                    $"position {signedUpTo}, up to {d.Position}, was changed, removed or inserted.", breaks: true);
            previous = d.Fingerprint;
            signedUpTo = d.Position;
        }
    }

    /// <summary>Which fields of a stored entry differ from the entry its event gives (from their canonical forms).</summary>
    public static string Differences(AuditEntry stored, AuditEntry expected)
    {
        string[] names = ["id", "type", "at", "clientAccountId", "partnerAccountId", "collaborationId", "actor", "member", "roleBefore", "roleAfter",
            "permissions", "expiresAt", "reason", "correlationId", "count", "firstAt", "lastAt"];
        var a = AuditHash.Canonical(stored).Split('\n').Skip(1).ToArray();
        var b = AuditHash.Canonical(expected).Split('\n').Skip(1).ToArray();
        // A count added to or taken from an entry changes its form's length: the fields one has and the other lacks differ.
        return string.Join(", ", names.Where((_, i) => a.ElementAtOrDefault(i) != b.ElementAtOrDefault(i)));
    }
}
