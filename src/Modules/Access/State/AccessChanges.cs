using Holded.Partners.Access.Grants;
using Holded.Partners.Access.Replicas;
using JasperFx.Events;
using Marten.Services;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Holded.Partners.Access.State;

/// <summary>
/// Which access facts a commit changes. PostgreSQL delivers the notification to every node with the commit, and never
/// for a rolled-back one; this node also drops them right after its own commit, so its next request reads them fresh.
/// Each such commit takes the next access version (<see cref="AccessVersions"/>); an HTTP request that committed one
/// answers it (<see cref="AnsweredVersion"/>).
/// </summary>
public sealed class AccessChanges(AccessState state, NpgsqlDataSource database, ILogger<AccessChanges> log) : DocumentSessionListenerBase
{
    public const string Channel = "partners_access";

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var pending = session.PendingChanges;
        var changed = Of(pending.Updates().Concat(pending.Inserts()), pending.Streams().SelectMany(s => s.Events));
        if (changed.Count > 0) session.QueueSqlCommand(AccessVersions.NextAndNotify, Channel, string.Join(',', changed));
        return Task.CompletedTask;
    }

    public override async Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var changed = Of(commit.Updated.Concat(commit.Inserted), commit.GetEvents());
        Apply(state, string.Join(',', changed));
        if (changed.Count == 0 || AnsweredVersion.OfThisRequest is not { } answered) return;
        // The version as read now: this commit's, or a later one, never an earlier one. It is committed already, so
        // failing to read it must not fail the request: the answer then carries no version, and nothing is lost but it.
        try { answered.Committed(await AccessVersions.CurrentAsync(database, token)); }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            log.LogWarning(e, "The access version of a committed change could not be read; the answer carries none.");
        }
    }

    /// <summary>
    /// Drops what a notification names: "a:{account}", "c:{client}" (its collaborations), "g:{collaboration}",
    /// "j:{client}" (its just-in-time access), or "*"
    /// for everything (sent after a projection rebuild rewrote documents under the cache). A notification of a commit
    /// starts with its version ("{version}|…"): taken in once everything it names is dropped.
    /// </summary>
    public static void Apply(AccessState state, string payload)
    {
        if (payload == "*")
        {
            state.Forget();
            return;
        }
        long? version = null;
        if (payload.IndexOf('|') is var bar and >= 0)
        {
            if (long.TryParse(payload.AsSpan(0, bar), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v))
                version = v;
            payload = payload[(bar + 1)..];
        }
        foreach (var change in payload.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (change.Length < 3 || !Guid.TryParse(change.AsSpan(2), out var id)) continue;
            switch (change[0])
            {
                case 'a': state.AccountChanged(id); break;
                case 'c': state.CollaborationsChanged(id); break;
                case 'g': state.GrantChanged(id); break;
                case 'j': state.JustInTimeChanged(id); break;
            }
        }
        if (version is { } reached) state.Reached(reached);
    }

    private static HashSet<string> Of(IEnumerable<object> documents, IEnumerable<IEvent> events)
    {
        var changed = new HashSet<string>();
        foreach (var document in documents)
        {
            if (document is AccessAccount account) changed.Add($"a:{account.Id}");
            else if (document is AccessCollaboration collaboration) changed.Add($"c:{collaboration.ClientAccountId}");
        }
        foreach (var e in events)
        {
            if (e.Data is IGrantEvent grant) changed.Add($"g:{grant.CollaborationId}");
            // Its first use too: the next check reads it used, so the use is recorded once.
            else if (e.Data is JustInTime.IJustInTimeAccessChange justInTime) changed.Add($"j:{justInTime.ClientAccountId}");
        }
        return changed;
    }
}
