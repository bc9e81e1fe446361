using Holded.Partners.Access.Decisions;
using Holded.Partners.Access.Grants;
using Holded.Partners.Access.JustInTime;
using Holded.Partners.Access.Replicas;

namespace Holded.Partners.Access.State;

/// <summary>
/// The facts access decisions are made from — accounts, each client's collaborations, grants, each client's
/// just-in-time access in force — held in memory and
/// dropped as soon as a change to them commits (here at once, on other nodes when PostgreSQL tells them), so the ERP's
/// hot path asks the database only for what changed.
/// </summary>
public sealed class AccessState
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private readonly KeyedCache<Guid, AccessAccount> _accounts;
    private readonly KeyedCache<Guid, AccessCollaboration[]> _collaborationsByClient;
    private readonly KeyedCache<Guid, Grant> _grantsByCollaboration;
    private readonly KeyedCache<Guid, JustInTimeAccess[]> _justInTimeByClient;

    public AccessState(FeedSettings settings, TimeProvider clock)
    {
        Feed = new FeedHealth(settings, clock);
        _accounts = new(MaxAge, Feed, clock);
        _collaborationsByClient = new(MaxAge, Feed, clock);
        _grantsByCollaboration = new(MaxAge, Feed, clock);
        _justInTimeByClient = new(MaxAge, Feed, clock);
    }

    /// <summary>Whether memory may answer now, and how this node's listener is known.</summary>
    public FeedHealth Feed { get; }

    /// <summary>
    /// The facts of one decision: from memory, or read where memory lacks them. Asked for at least an access version
    /// this node has not taken in (see <see cref="CatchUpAsync"/>), every fact is read from the database, and none kept.
    /// </summary>
    public ValueTask<AccessDecision.Facts> FactsAsync(IDocumentStore store,
        string userId, Guid clientAccountId, string section, string action, DateTimeOffset now, CancellationToken ct, long? atLeast = null)
    {
        var memory = IsAtLeast(atLeast);
        return memory && Known(userId, clientAccountId, section, action, now) is { } facts
            ? ValueTask.FromResult(facts)
            : new(ReadAsync(store, userId, clientAccountId, section, action, now, memory, ct));
    }

    // Everything already in memory: no read, no await.
    private AccessDecision.Facts? Known(string userId, Guid clientAccountId, string section, string action, DateTimeOffset now)
    {
        if (!_collaborationsByClient.TryGet(clientAccountId, out var collaborations) || !_accounts.TryGet(clientAccountId, out var client)
            || !_justInTimeByClient.TryGet(clientAccountId, out var justInTime))
            return null;
        collaborations ??= [];
        var parties = new (AccessCollaboration, AccessAccount?, Grant?)[collaborations.Length];
        for (var i = 0; i < collaborations.Length; i++)
        {
            var c = collaborations[i];
            if (!_accounts.TryGet(c.PartnerAccountId, out var firm) || !_grantsByCollaboration.TryGet(c.Id, out var grant)) return null;
            parties[i] = (c, firm, grant);
        }
        return new AccessDecision.Facts(userId, section, action, now, client, parties, justInTime ?? []);
    }

    private async Task<AccessDecision.Facts> ReadAsync(IDocumentStore store,
        string userId, Guid clientAccountId, string section, string action, DateTimeOffset now, bool memory, CancellationToken ct)
    {
        var byClient = await _collaborationsByClient.GetManyAsync([clientAccountId], async (clients, token) =>
        {
            await using var session = store.QuerySession();
            var all = await session.Query<AccessCollaboration>().Where(c => c.ClientAccountId == clients[0]).ToListAsync(token);
            return new Dictionary<Guid, AccessCollaboration[]> { [clients[0]] = [.. all] };
        }, memory, ct);
        var collaborations = byClient.GetValueOrDefault(clientAccountId) ?? [];
        var accounts = await _accounts.GetManyAsync(
            [.. collaborations.Select(c => c.PartnerAccountId).Append(clientAccountId).Distinct()],
            (ids, token) => LoadAsync<AccessAccount>(store, ids, a => a.Id, token), memory, ct);
        var grants = await _grantsByCollaboration.GetManyAsync([.. collaborations.Select(c => c.Id)],
            (ids, token) => LoadAsync<Grant>(store, [.. ids.Select(Grant.IdFor)], g => g.CollaborationId, token), memory, ct);
        // Approved and not ended: whether it is past its expiry, and still sits on what it was given on, the decision says.
        var justInTime = await _justInTimeByClient.GetManyAsync([clientAccountId], async (clients, token) =>
        {
            await using var session = store.QuerySession();
            var active = await session.Query<JustInTimeAccess>()
                .Where(r => r.ClientAccountId == clients[0] && r.Status == JustInTimeStatus.Active).ToListAsync(token);
            return new Dictionary<Guid, JustInTimeAccess[]> { [clients[0]] = [.. active] };
        }, memory, ct);
        return new AccessDecision.Facts(userId, section, action, now, accounts.GetValueOrDefault(clientAccountId),
            [.. collaborations.Select(c => (c, accounts.GetValueOrDefault(c.PartnerAccountId), grants.GetValueOrDefault(c.Id)))],
            justInTime.GetValueOrDefault(clientAccountId) ?? []);
    }

    private static async Task<IReadOnlyDictionary<Guid, T>> LoadAsync<T>(IDocumentStore store, Guid[] ids, Func<T, Guid> key, CancellationToken ct) where T : notnull
    {
        await using var session = store.QuerySession();
        return (await session.LoadManyAsync<T>(ct, ids)).ToDictionary(key);
    }

    public void AccountChanged(Guid accountId) { _accounts.Changed(accountId); Heard(); }
    public void CollaborationsChanged(Guid clientAccountId) { _collaborationsByClient.Changed(clientAccountId); Heard(); }
    public void GrantChanged(Guid collaborationId) { _grantsByCollaboration.Changed(collaborationId); Heard(); }
    public void JustInTimeChanged(Guid clientAccountId) { _justInTimeByClient.Changed(clientAccountId); Heard(); }

    /// <summary>Whether this node's change feed listens (its memory serves while the connection is also proven alive).</summary>
    public bool Listening => Feed.Listening;

    private TaskCompletionSource _heard = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when this memory next takes in a change or starts or stops listening: what to wait on for it.</summary>
    public Task NextChange => Volatile.Read(ref _heard).Task;

    private void Heard() =>
        Interlocked.Exchange(ref _heard, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <param name="caughtUp">Listening again: the version read once the LISTEN was in place. Every version up to it
    /// committed before this empties memory, and every later one will be heard.</param>
    internal void Restart(bool listening, long caughtUp = 0)
    {
        Feed.Listen(listening);
        _accounts.Restart();
        _collaborationsByClient.Restart();
        _grantsByCollaboration.Restart();
        _justInTimeByClient.Restart();
        if (caughtUp > 0) Reached(caughtUp); else Heard();
    }

    /// <summary>Empties the memory, still listening: the next decisions read afresh.</summary>
    internal void Forget() => Restart(Listening);

    private long _applied;

    /// <summary>
    /// The highest access version this node has taken in: every change up to it is in force in this memory (versions
    /// are numbered, and heard, in commit order).
    /// </summary>
    public long Applied => Interlocked.Read(ref _applied);

    /// <summary>Whether memory may answer a request asking for state at least as fresh as this version.</summary>
    public bool IsAtLeast(long? version) => version is not { } wanted || Applied >= wanted;

    /// <summary>A notification of this version was heard and applied (or the feed listens again, caught up to it).</summary>
    internal void Reached(long version)
    {
        for (var seen = Applied; seen < version; seen = Applied)
            if (Interlocked.CompareExchange(ref _applied, version, seen) == seen) break;
        Heard();
    }

    /// <summary>
    /// Before answering a request asking for at least <paramref name="version"/>: waits briefly
    /// (<see cref="FeedSettings.CatchUpWait"/>) for this node to hear it, while its feed serves. Still behind, the request
    /// is answered from the database (<see cref="FactsAsync"/> reads it), never from older memory; false when no change
    /// with that version was ever recorded, which no state can answer.
    /// </summary>
    public async Task<bool> CatchUpAsync(long? version, Npgsql.NpgsqlDataSource database, CancellationToken ct)
    {
        if (IsAtLeast(version)) return true;
        if (Feed.Serves && Feed.Settings.CatchUpWait > TimeSpan.Zero)
        {
            using var within = CancellationTokenSource.CreateLinkedTokenSource(ct);
            within.CancelAfter(Feed.Settings.CatchUpWait);
            try
            {
                for (var next = NextChange; !IsAtLeast(version) && Feed.Serves; next = NextChange) // taken before the check: nothing slips between
                    await next.WaitAsync(within.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { } // still behind: the database answers
            if (IsAtLeast(version)) return true;
        }
        return await AccessVersions.CurrentAsync(database, ct) >= version;
    }

    internal void Prune()
    {
        _accounts.Prune(MaxAge);
        _collaborationsByClient.Prune(MaxAge);
        _grantsByCollaboration.Prune(MaxAge);
        _justInTimeByClient.Prune(MaxAge);
    }
}
