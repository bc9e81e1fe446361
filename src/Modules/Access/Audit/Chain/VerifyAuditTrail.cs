using JasperFx.Events;
using Marten.Events;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Holded.Partners.Access.Audit.Chain;

/// <summary>
/// Walks the whole trail against the event store and the signed digests, as CloudTrail's validate-logs does: every
/// chain recomputed from the events in their order, each stored entry and link compared with it, each digest checked
/// against the recomputed chain. Names the first entry (or place in a chain) that was modified, removed or inserted.
/// </summary>
public static class AuditVerifier
{
    private const int Page = 500;

    public static async Task<AuditVerification> VerifyAsync(IDocumentStore store, NpgsqlDataSource database, AuditSigner signer, CancellationToken ct)
    {
        var findings = new Findings();
        await using var session = store.QuerySession();
        var periods = await session.Query<PeriodDigest>().OrderBy(d => d.Id).ToListAsync(ct);
        var digests = (await session.Query<ChainDigest>().ToListAsync(ct)).GroupBy(d => d.Chain)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ChainDigest>)g.OrderBy(d => d.Number).ToList());
        var signedAt = digests.Values.SelectMany(d => d).Select(d => (d.Chain, d.Position)).ToHashSet();
        var expectedAt = new Dictionary<(string, long), string>();
        var heads = new Dictionary<string, (long Position, string Hash)>();
        var sealedUpTo = periods.LastOrDefault()?.UpToSequence ?? 0;
        long entries = 0, unsealed = 0;

        // Each chain as the events give it, page by page, up to where the chain projection has linked them.
        var progress = await ChainProgressAsync(database, ct);
        for (long after = 0; ;)
        {
            var events = await session.Events.AllEvents()
                .Where(e => e.Sequence > after && e.Sequence <= progress && e.EventTypesAre(AuditEntries.EventTypes))
                .OrderBy(e => e.Sequence).Take(Page).ToListAsync(ct);
            if (events.Count == 0) break;
            after = events[^1].Sequence;
            var expected = events.Select(e => (Event: e, Entry: AuditEntries.From(e)!)).ToList();
            var ids = expected.Select(x => x.Entry.Id).ToArray();
            var stored = (await session.LoadManyAsync<AuditEntry>(ct, ids)).ToDictionary(e => e.Id);
            var links = (await session.Query<AuditLink>().Where(l => l.EntryId.IsOneOf(ids)).ToListAsync(ct)).ToDictionary(l => (l.EntryId, l.Chain));
            foreach (var (e, entry) in expected)
            {
                entries++;
                if (e.Sequence > sealedUpTo) unsealed++;
                if (!stored.TryGetValue(entry.Id, out var kept))
                    findings.Add(AuditFindingKinds.EntryRemoved, AuditHash.ClientChain(entry.ClientAccountId), null, entry.Id,
                        $"Entry {entry.Id} ({entry.Type} at {AuditHash.Instant(entry.At)}) is in the event store but gone from the trail.");
                else if (AuditHash.Canonical(kept) != AuditHash.Canonical(entry))
                    findings.Add(AuditFindingKinds.EntryModified, AuditHash.ClientChain(entry.ClientAccountId), null, entry.Id,
                        $"Entry {entry.Id} ({entry.Type} at {AuditHash.Instant(entry.At)}) was modified in the trail: {ChainDigestChecks.Differences(kept, entry)} " +
                        "no longer what its event records.");
                foreach (var chain in AuditHash.ChainsOf(entry))
                {
                    var head = heads.GetValueOrDefault(chain, (0, AuditHash.Genesis));
                    var (position, hash) = (head.Position + 1, AuditHash.Next(head.Hash, entry));
                    heads[chain] = (position, hash);
                    if (signedAt.Contains((chain, position))) expectedAt[(chain, position)] = hash;
                    if (findings.IsBroken(chain)) continue;
                    if (!links.TryGetValue((entry.Id, chain), out var link))
                        findings.Add(AuditFindingKinds.ChainBroken, chain, position, entry.Id, $"Entry {entry.Id} lost its link at position {position} of {chain}.", breaks: true);
                    else if (link.Position != position)
                        findings.Add(AuditFindingKinds.ChainBroken, chain, position, entry.Id,
                            $"Entry {entry.Id} is linked at position {link.Position} of {chain}, where the events put it at {position}: an entry before it was " +
                            (link.Position > position ? "inserted." : "removed."), breaks: true);
                    else if (link.Hash != hash || link.Previous != head.Hash)
                        findings.Add(AuditFindingKinds.EntryModified, chain, position, entry.Id,
                            $"Entry {entry.Id} ({entry.Type} at {AuditHash.Instant(entry.At)}), at position {position} of {chain}, is not what was chained: " +
                            "its event or its link was changed.", breaks: true);
                }
            }
        }

        foreach (var (chain, signed) in digests.OrderBy(d => d.Key, StringComparer.Ordinal))
            ChainDigestChecks.Check(chain, signed, signer.Keys, position => expectedAt.GetValueOrDefault((chain, position)), findings);
        CheckPeriods(periods, digests.Values.SelectMany(d => d).ToList(), signer.Keys, findings);
        await InsertedAsync(database, findings, ct);

        return new AuditVerification(findings.Count == 0, entries, heads.Count, periods.Count + digests.Values.Sum(d => d.Count),
            periods.LastOrDefault()?.At, unsealed, findings.Listed.FirstOrDefault(), findings.Listed, findings.Count, signer.Keys.Select(k => k.KeyId).ToArray());
    }

    /// <summary>Periods numbered without a gap, each naming the one before, signed, and signing exactly its chain digests.</summary>
    private static void CheckPeriods(IReadOnlyList<PeriodDigest> periods, IReadOnlyList<ChainDigest> digests, IReadOnlyList<AuditKey> keys, Findings findings)
    {
        var byPeriod = digests.ToLookup(d => d.Period);
        var previous = AuditHash.Genesis;
        for (var i = 0; i < periods.Count; i++)
        {
            var p = periods[i];
            if (p.Id != i + 1 || p.Previous != previous)
                findings.Add(AuditFindingKinds.DigestMissing, null, null, null, $"Period digest {i + 1} is missing or does not name the period before it.");
            if (keys.FirstOrDefault(k => k.KeyId == p.KeyId) is not { } key || !key.Verifies(p.Signed, p.Signature))
                findings.Add(AuditFindingKinds.DigestInvalid, null, null, null, $"Period digest {p.Id} is not signed by a known key ({p.KeyId}).");
            else if (byPeriod[p.Id].Count() != p.Chains || PeriodDigest.HashOf(byPeriod[p.Id]) != p.ChainsHash)
                findings.Add(AuditFindingKinds.DigestMissing, null, null, null,
                    $"The chain digests of period {p.Id} ({AuditHash.Instant(p.At)}) are not the {p.Chains} it signed: one was removed, changed or added.");
            previous = p.Fingerprint;
        }
        foreach (var orphan in digests.Where(d => d.Period > periods.Count))
            findings.Add(AuditFindingKinds.DigestMissing, orphan.Chain, orphan.Position, null, $"Digest {orphan.Number} of {orphan.Chain} belongs to no signed period.");
    }

    /// <summary>Entries and links the event store never recorded: rows written into the trail's tables by hand.</summary>
    private static async Task InsertedAsync(NpgsqlDataSource database, Findings findings, CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            $"select a.id, a.data ->> 'Type', a.data ->> 'ClientAccountId' from {AccessModule.Schema}.mt_doc_auditentry a " +
            "where not exists (select 1 from events.mt_events e where e.id = a.id) order by a.sort_key limit 100");
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                findings.Add(AuditFindingKinds.EntryInserted, $"client:{reader.GetString(2)}", null, reader.GetGuid(0),
                    $"Entry {reader.GetGuid(0)} ({reader.GetString(1)}) is in the trail, but no event records it: it was inserted.");
        await using var links = database.CreateCommand(
            $"select l.entry_id, l.chain, l.position from {AccessModule.Schema}.mt_doc_auditlink l " +
            "where not exists (select 1 from events.mt_events e where e.id = l.entry_id) order by l.chain, l.position limit 100");
        await using (var reader = await links.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                findings.Add(AuditFindingKinds.EntryRemoved, reader.GetString(1), reader.GetInt64(2), reader.GetGuid(0),
                    $"Position {reader.GetInt64(2)} of {reader.GetString(1)} links entry {reader.GetGuid(0)}, which the event store no longer holds: it was removed, or the link inserted.");
    }

    private static async Task<long> ChainProgressAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var command = database.CreateCommand("select coalesce(max(last_seq_id), 0) from events.mt_event_progression where name like @name");
        command.Parameters.AddWithValue("name", AuditChainProjection.ProjectionName + ":%");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}

/// <summary>GET /api/v1/audit/verify: the platform's auditors walk the whole trail against its events and signed digests.</summary>
public static class VerifyAuditTrailEndpoint
{
    public static ProblemDetails Validate(Caller caller) =>
        caller.Is(PlatformRoles.Auditor) ? Problems.None : Problems.Forbidden("Verifying the whole trail is for the platform's auditors.");

    [WolverineGet("/api/v1/audit/verify")]
    public static Task<AuditVerification> Get(IDocumentStore store, NpgsqlDataSource database, AuditSigner signer, CancellationToken ct) =>
        AuditVerifier.VerifyAsync(store, database, signer, ct);
}
