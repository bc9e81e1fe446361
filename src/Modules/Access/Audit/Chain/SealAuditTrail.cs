using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Holded.Partners.Access.Audit.Chain;

/// <summary>
/// Signs a period's digests: each chain whose head moved since the last period, then the period itself. One node at
/// a time (an advisory lock); a node that finds the lock taken leaves the period to the other.
/// </summary>
public sealed class AuditSealer(IDocumentStore store, NpgsqlDataSource database, AuditSigner signer, TimeProvider clock)
{
    public async Task<PeriodDigest?> SealAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using (var locked = new NpgsqlCommand("select pg_try_advisory_lock(hashtext('partners.audit.seal'))", connection))
            if (!(bool)(await locked.ExecuteScalarAsync(ct))!) return null;
        try
        {
            await using var session = store.LightweightSession();
            var last = await session.Query<PeriodDigest>().OrderByDescending(d => d.Id).FirstOrDefaultAsync(ct);
            var since = last?.UpToSequence ?? 0;
            var moved = await session.Query<AuditChainHead>().Where(h => h.Sequence > since).ToListAsync(ct);
            var seals = (await session.LoadManyAsync<ChainSeal>(ct, moved.Select(h => h.Id))).ToDictionary(s => s.Id);
            var period = (last?.Id ?? 0) + 1;
            var at = clock.GetUtcNow() is var now ? new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero) : default;
            var digests = moved.Select(head =>
            {
                var seal = seals.GetValueOrDefault(head.Id);
                var number = (seal?.Number ?? 0) + 1;
                var digest = new ChainDigest(ChainDigest.IdFor(head.Id, number), head.Id, number, head.Position, head.Hash, period, at,
                    seal?.Fingerprint ?? AuditHash.Genesis, signer.Current.KeyId, "");
                return digest with { Signature = signer.Sign(digest.Signed) };
            }).ToList();
            var unsigned = new PeriodDigest(period, at, Math.Max(since, moved.Select(h => h.Sequence).DefaultIfEmpty(0).Max()), digests.Count,
                PeriodDigest.HashOf(digests), last?.Fingerprint ?? AuditHash.Genesis, signer.Current.KeyId, "");
            var signed = unsigned with { Signature = signer.Sign(unsigned.Signed) };
            if (digests.Count > 0) session.Insert(digests.ToArray());
            session.Store(digests.Select(d => new ChainSeal(d.Chain, d.Number, d.Position, d.Fingerprint)).ToArray());
            session.Insert(signed);
            await session.SaveChangesAsync(ct);
            return signed;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock(hashtext('partners.audit.seal'))", connection);
            await unlock.ExecuteScalarAsync(CancellationToken.None);
        }
    }
}

/// <summary>
/// No entry waits longer than Audit:DigestEvery to be signed: each node looks every minute (or sooner) and seals when
/// the oldest entry not yet signed is that old. Looking, not a timer of the period itself, so nodes that restart more
/// often than the period still sign; a node that finds the period just sealed by another finds nothing waiting.
/// </summary>
internal sealed class AuditDigestSchedule(AuditSealer sealer, IDocumentStore store, NpgsqlDataSource database, IOptions<AuditOptions> options,
    TimeProvider clock, ILogger<AuditDigestSchedule> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.DigestEvery;
        using var timer = new PeriodicTimer(every < TimeSpan.FromMinutes(1) ? every : TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await OldestUnsignedAsync(stoppingToken) is not { } oldest || oldest > clock.GetUtcNow() - every) continue;
                if (await sealer.SealAsync(stoppingToken) is { } sealedPeriod)
                    log.LogInformation("Audit period {Period} sealed: {Chains} chains signed", sealedPeriod.Id, sealedPeriod.Chains);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next look signs what this one could not: nothing is lost, the digest is only later.
                log.LogError(e, "Sealing the audit period failed; the next look will sign what is waiting");
            }
        }
    }

    /// <summary>When the oldest chained entry the last period did not sign was recorded (its event's instant).</summary>
    private async Task<DateTimeOffset?> OldestUnsignedAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var upTo = (await session.Query<PeriodDigest>().OrderByDescending(d => d.Id).FirstOrDefaultAsync(ct))?.UpToSequence ?? 0;
        await using var command = database.CreateCommand(
            $"select min(e.timestamp) from events.mt_events e where e.seq_id > @upTo and exists (select 1 from {AccessModule.Schema}.mt_doc_auditlink l where l.entry_id = e.id)");
        command.Parameters.AddWithValue("upTo", upTo);
        return await command.ExecuteScalarAsync(ct) is DateTime at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }
}
