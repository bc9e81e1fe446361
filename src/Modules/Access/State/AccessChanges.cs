using Holded.Partners.Access.Grants;
using Holded.Partners.Access.Replicas;
using JasperFx.Events;
using Marten.Services;

namespace Holded.Partners.Access.State;

/// <summary>
/// Which access facts a commit changes. PostgreSQL delivers the notification to every node with the commit, and never
/// for a rolled-back one; this node also drops them right after its own commit, so its next request reads them fresh.
/// </summary>
public sealed class AccessChanges(AccessState state) : DocumentSessionListenerBase
{
    public const string Channel = "partners_access";

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var pending = session.PendingChanges;
        var changed = Of(pending.Updates().Concat(pending.Inserts()), pending.Streams().SelectMany(s => s.Events));
        if (changed.Count > 0) session.QueueSqlCommand("select pg_notify(?, ?)", Channel, string.Join(',', changed));
        return Task.CompletedTask;
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        Apply(state, string.Join(',', Of(commit.Updated.Concat(commit.Inserted), commit.GetEvents())));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Drops what a notification names: "a:{account}", "c:{client}" (its collaborations), "g:{collaboration}", or "*"
    /// for everything (sent after a projection rebuild rewrote documents under the cache).
    /// </summary>
    public static void Apply(AccessState state, string payload)
    {
        if (payload == "*")
        {
            state.Forget();
            return;
        }
        foreach (var change in payload.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (change.Length < 3 || !Guid.TryParse(change.AsSpan(2), out var id)) continue;
            switch (change[0])
            {
                case 'a': state.AccountChanged(id); break;
                case 'c': state.CollaborationsChanged(id); break;
                case 'g': state.GrantChanged(id); break;
            }
        }
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
        }
        return changed;
    }
}
