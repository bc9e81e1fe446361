using Holded.Partners.Access.Decisions;
using Holded.Partners.Access.Grants;
using Holded.Partners.Access.Replicas;

namespace Holded.Partners.Access.State;

/// <summary>
/// The facts access decisions are made from — accounts, each client's collaborations, grants — held in memory and
/// dropped as soon as a change to them commits (here at once, on other nodes when PostgreSQL tells them), so the ERP's
/// hot path asks the database only for what changed.
/// </summary>
public sealed class AccessState
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private readonly KeyedCache<Guid, AccessAccount> _accounts;
    private readonly KeyedCache<Guid, AccessCollaboration[]> _collaborationsByClient;
    private readonly KeyedCache<Guid, Grant> _grantsByCollaboration;

    public AccessState(FeedSettings settings, TimeProvider clock)
    {
        Feed = new FeedHealth(settings, clock);
        _accounts = new(MaxAge, Feed, clock);
        _collaborationsByClient = new(MaxAge, Feed, clock);
        _grantsByCollaboration = new(MaxAge, Feed, clock);
    }

    /// <summary>Whether memory may answer now, and how this node's listener is known.</summary>
    public FeedHealth Feed { get; }

    public ValueTask<AccessDecision.Facts> FactsAsync(IDocumentStore store,
        string userId, Guid clientAccountId, string section, string action, DateTimeOffset now, CancellationToken ct) =>
        Known(userId, clientAccountId, section, action, now) is { } facts
            ? ValueTask.FromResult(facts)
            : new(ReadAsync(store, userId, clientAccountId, section, action, now, ct));

    // Everything already in memory: no read, no await.
    private AccessDecision.Facts? Known(string userId, Guid clientAccountId, string section, string action, DateTimeOffset now)
    {
        if (!_collaborationsByClient.TryGet(clientAccountId, out var collaborations) || !_accounts.TryGet(clientAccountId, out var client))
            return null;
        collaborations ??= [];
        var parties = new (AccessCollaboration, AccessAccount?, Grant?)[collaborations.Length];
        for (var i = 0; i < collaborations.Length; i++)
        {
            var c = collaborations[i];
            if (!_accounts.TryGet(c.PartnerAccountId, out var firm) || !_grantsByCollaboration.TryGet(c.Id, out var grant)) return null;
            parties[i] = (c, firm, grant);
        }
        return new AccessDecision.Facts(userId, section, action, now, client, parties);
    }

    private async Task<AccessDecision.Facts> ReadAsync(IDocumentStore store,
        string userId, Guid clientAccountId, string section, string action, DateTimeOffset now, CancellationToken ct)
    {
        var byClient = await _collaborationsByClient.GetManyAsync([clientAccountId], async (clients, token) =>
        {
            await using var session = store.QuerySession();
            var all = await session.Query<AccessCollaboration>().Where(c => c.ClientAccountId == clients[0]).ToListAsync(token);
            return new Dictionary<Guid, AccessCollaboration[]> { [clients[0]] = [.. all] };
        }, ct);
        var collaborations = byClient.GetValueOrDefault(clientAccountId) ?? [];
        var accounts = await _accounts.GetManyAsync(
            [.. collaborations.Select(c => c.PartnerAccountId).Append(clientAccountId).Distinct()],
            (ids, token) => LoadAsync<AccessAccount>(store, ids, a => a.Id, token), ct);
        var grants = await _grantsByCollaboration.GetManyAsync([.. collaborations.Select(c => c.Id)],
            (ids, token) => LoadAsync<Grant>(store, [.. ids.Select(Grant.IdFor)], g => g.CollaborationId, token), ct);
        return new AccessDecision.Facts(userId, section, action, now, accounts.GetValueOrDefault(clientAccountId),
            [.. collaborations.Select(c => (c, accounts.GetValueOrDefault(c.PartnerAccountId), grants.GetValueOrDefault(c.Id)))]);
    }

    private static async Task<IReadOnlyDictionary<Guid, T>> LoadAsync<T>(IDocumentStore store, Guid[] ids, Func<T, Guid> key, CancellationToken ct) where T : notnull
    {
        await using var session = store.QuerySession();
        return (await session.LoadManyAsync<T>(ct, ids)).ToDictionary(key);
    }

    public void AccountChanged(Guid accountId) { _accounts.Changed(accountId); Heard(); }
    public void CollaborationsChanged(Guid clientAccountId) { _collaborationsByClient.Changed(clientAccountId); Heard(); }
    public void GrantChanged(Guid collaborationId) { _grantsByCollaboration.Changed(collaborationId); Heard(); }

    /// <summary>Whether this node's change feed listens (its memory serves while the connection is also proven alive).</summary>
    public bool Listening => Feed.Listening;

    private TaskCompletionSource _heard = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when this memory next takes in a change or starts or stops listening: what to wait on for it.</summary>
    public Task NextChange => Volatile.Read(ref _heard).Task;

    private void Heard() =>
        Interlocked.Exchange(ref _heard, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    internal void Restart(bool listening)
    {
        Feed.Listen(listening);
        _accounts.Restart();
        _collaborationsByClient.Restart();
        _grantsByCollaboration.Restart();
        Heard();
    }

    /// <summary>Empties the memory, still listening: the next decisions read afresh.</summary>
    internal void Forget() => Restart(Listening);

    internal void Prune()
    {
        _accounts.Prune(MaxAge);
        _collaborationsByClient.Prune(MaxAge);
        _grantsByCollaboration.Prune(MaxAge);
    }
}
