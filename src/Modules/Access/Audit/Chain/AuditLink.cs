namespace Holded.Partners.Access.Audit.Chain;

/// <summary>One entry's place in one chain: its position, the hash of the link before it, and its own hash.</summary>
public sealed record AuditLink(string Id, string Chain, long Position, Guid EntryId, long Sequence, string Previous, string Hash)
{
    public static string IdFor(string chain, long position) => $"{chain}/{position:D12}";

    /// <summary>Read by chain and position (the verification's and the export's walk) and by entry (which chains hold it).</summary>
    public static void ConfigureMarten(Marten.Schema.DocumentMapping mapping)
    {
        mapping.DuplicateField(nameof(Chain));
        mapping.DuplicateField(nameof(Position));
        mapping.DuplicateField(nameof(EntryId));
        mapping.Indexes.Add(new Marten.Schema.DocumentIndex(mapping, "chain", "position"));
        mapping.Indexes.Add(new Marten.Schema.DocumentIndex(mapping, "entry_id"));
    }
}

/// <summary>A chain's last link, where the next one is hashed from.</summary>
public sealed record AuditChainHead(string Id, long Position, string Hash, long Sequence)
{
    /// <summary>The sealer reads the heads that moved since its last period.</summary>
    public static void ConfigureMarten(Marten.Schema.DocumentMapping mapping)
    {
        mapping.DuplicateField(nameof(Sequence));
        mapping.Indexes.Add(new Marten.Schema.DocumentIndex(mapping, "sequence"));
    }
}
