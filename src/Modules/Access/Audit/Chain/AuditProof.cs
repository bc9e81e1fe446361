using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Holded.Partners.Access.Audit.Chain;

/// <summary>One entry of an exported chain, with its place and hashes.</summary>
public sealed record ProvenEntry(long Position, string Previous, string Hash, AuditEntry? Entry);

/// <summary>
/// A client's or a firm's whole trail as one chain, with everything needed to verify it offline: its entries in chain
/// order with their hashes, the chain's signed digests, and the public keys they were signed with (compare their ids
/// with the ones the platform publishes: GET /api/v1/audit/keys).
/// </summary>
public sealed record AuditProof(string Format, string Chain, IReadOnlyList<ProvenEntry> Entries, IReadOnlyList<ChainDigest> Digests, IReadOnlyList<AuditKey> Keys)
{
    public const string Version = "holded-partners-audit-proof-v1";

    public static async Task<AuditProof> ReadAsync(string chain, IDocumentStore store, NpgsqlDataSource database, AuditSigner signer, CancellationToken ct)
    {
        var entries = new List<ProvenEntry>();
        await using (var command = database.CreateCommand(
            $"select l.data::text, a.data::text from {AccessModule.Schema}.mt_doc_auditlink l " +
            $"left join {AccessModule.Schema}.mt_doc_auditentry a on a.id = l.entry_id where l.chain = @chain order by l.position"))
        {
            command.Parameters.AddWithValue("chain", chain);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var link = JsonSerializer.Deserialize<AuditLink>(reader.GetString(0))!;
                entries.Add(new ProvenEntry(link.Position, link.Previous, link.Hash,
                    reader.IsDBNull(1) ? null : JsonSerializer.Deserialize<AuditEntry>(reader.GetString(1))));
            }
        }
        await using var session = store.QuerySession();
        var digests = await session.Query<ChainDigest>().Where(d => d.Chain == chain).OrderBy(d => d.Number).ToListAsync(ct);
        var keys = signer.Keys.Where(k => digests.Any(d => d.KeyId == k.KeyId)).ToArray();
        return new AuditProof(Version, chain, entries, digests, keys);
    }

    /// <summary>
    /// Checks the proof alone, with no database or network: each hash recomputed from its entry and the one before,
    /// positions from 1 without a gap, every digest signed by one of the proof's keys (or only <paramref name="trustedKeyIds"/>
    /// when given) and signing the hash the chain has at its position.
    /// </summary>
    public AuditVerification Verify(IReadOnlyCollection<string>? trustedKeyIds = null)
    {
        var findings = new Findings();
        if (Format != Version)
            findings.Add(AuditFindingKinds.DigestInvalid, Chain, null, null, $"Not a proof of this kind: format '{Format}', expected '{Version}'.");
        var previous = AuditHash.Genesis;
        var hashes = new List<string>();
        foreach (var proven in Entries)
        {
            var at = hashes.Count + 1;
            var hash = proven.Entry is { } entry ? AuditHash.Next(previous, entry) : proven.Hash;
            if (proven.Position != at)
                findings.Add(AuditFindingKinds.ChainBroken, Chain, at, proven.Entry?.Id,
                    $"Position {at} of {Chain} is missing: the export goes on at {proven.Position}. An entry was removed.", breaks: true);
            else if (proven.Entry is null)
                findings.Add(AuditFindingKinds.EntryRemoved, Chain, at, null, $"Position {at} of {Chain} has no entry: it was removed from the trail.", breaks: true);
            else if (!AuditHash.ChainsOf(proven.Entry).Contains(Chain))
                findings.Add(AuditFindingKinds.EntryInserted, Chain, at, proven.Entry.Id, $"Entry {proven.Entry.Id} at position {at} does not belong to {Chain}.", breaks: true);
            else if (proven.Previous != previous || proven.Hash != hash)
                findings.Add(AuditFindingKinds.EntryModified, Chain, at, proven.Entry.Id,
                    $"Entry {proven.Entry.Id} ({proven.Entry.Type} at {AuditHash.Instant(proven.Entry.At)}), at position {at}, does not hash to its link: it was modified.",
                    breaks: true);
            hashes.Add(hash);
            previous = hash;
        }
        var keys = Keys.Where(k => trustedKeyIds is null || trustedKeyIds.Contains(k.KeyId)).ToArray();
        ChainDigestChecks.Check(Chain, Digests.Where(d => d.Chain == Chain).OrderBy(d => d.Number).ToList(), keys,
            position => position >= 1 && position <= hashes.Count ? hashes[(int)position - 1] : null, findings);
        var sealedUpTo = Digests.Count == 0 ? 0 : Digests.Max(d => d.Position);
        return new AuditVerification(findings.Count == 0, Entries.Count, 1, Digests.Count, Digests.Count == 0 ? null : Digests.Max(d => d.At),
            Math.Max(0, Entries.Count - sealedUpTo), findings.Listed.FirstOrDefault(), findings.Listed, findings.Count, keys.Select(k => k.KeyId).ToArray());
    }
}

/// <summary>
/// GET /api/v1/audit/access/proof: a client's trail (clientAccountId) or a firm's (partnerAccountId) as one verifiable
/// chain, for those who may read that trail (<see cref="AuditScope"/>).
/// </summary>
public static class ExportAuditProofEndpoint
{
    public static Task<AuditScope> LoadAsync(AuditQuery query, Caller caller, IQuerySession session, CancellationToken ct) =>
        AuditScope.LoadAsync(query, caller, session, ct);

    public static ProblemDetails Validate(AuditQuery query, AuditScope scope, Caller caller) =>
        (query.ClientAccountId is null) == (query.PartnerAccountId is null)
            ? new Check().That(false, "clientAccountId", "name one chain: clientAccountId (a client's trail) or partnerAccountId (a firm's), not both.").Result()
            : query.UserId is not null || query.Type is not null || query.From is not null || query.To is not null || query.Cursor is not null
                ? new Check().That(false, "query", "a proof is a whole chain: only clientAccountId or partnerAccountId.").Result()
                : scope.Authorize(query, caller);

    [WolverineGet("/api/v1/audit/access/proof")]
    public static Task<AuditProof> Get([FromQuery] AuditQuery query, IDocumentStore store, NpgsqlDataSource database, AuditSigner signer, CancellationToken ct) =>
        AuditProof.ReadAsync(query.ClientAccountId is { } client ? AuditHash.ClientChain(client) : AuditHash.FirmChain(query.PartnerAccountId!.Value),
            store, database, signer, ct);
}

/// <summary>GET /api/v1/audit/keys: the public keys digests are signed with, for anyone to check a proof against.</summary>
public static class AuditKeysEndpoint
{
    [WolverineGet("/api/v1/audit/keys")]
    [Microsoft.AspNetCore.Authorization.AllowAnonymous]
    public static IReadOnlyList<AuditKey> Get(AuditSigner signer) => signer.Keys;
}
