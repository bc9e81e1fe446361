using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace Holded.Partners.Collaboration.Collaborations;

public sealed record SetManagers(IReadOnlyList<string>? UserIds);

/// <summary>Step 8: a firm administrator sets who manages a client. Each must be a current member of the firm.</summary>
public static class SetManagersEndpoint
{
    public const int MaxManagers = 50;

    /// <summary>The accounts, in the session that writes: the firm read here is stored back with the events (see Put).</summary>
    public static Task<CollaborationParties> LoadAsync(CollaborationView collaboration, IDocumentSession session, CancellationToken ct) =>
        CollaborationAccess.PartiesOf(collaboration, session, ct);

    public static ProblemDetails Validate(SetManagers command, CollaborationParties parties, Caller caller)
    {
        var access = CollaborationAccess.RequireReach(parties, caller);
        if (access.Status is not null) return access;
        var partner = parties.Partner;
        if (partner?.IsManagedBy(caller.UserId) != true)
            return Problems.Forbidden("Only the firm's administrators assign account managers.");
        var ids = command.UserIds;
        var input = new Check()
            .That(ids is not null, "userIds", "is required: the firm members who manage this client (an empty list unassigns all).")
            .That(ids is null || ids.Count <= MaxManagers, "userIds", $"must have at most {MaxManagers} entries.")
            .That(ids is null || ids.Distinct().Count() == ids.Count, "userIds", "must not repeat a member.")
            .That(ids is null || ids.All(id => !string.IsNullOrWhiteSpace(id) && id.Length <= 200), "userIds", "must be user ids.")
            .Result();
        if (input.Status is not null) return input;
        var active = CollaborationAccess.RequireActive(parties.View);
        return active.Status is not null ? active : Problems.RefuseIfAny(Broken(ids!, partner));
    }

    public static IEnumerable<Rule> Broken(IReadOnlyList<string> wanted, AccountReplica firm)
    {
        var strangers = wanted.Where(id => !firm.IsMember(id)).ToArray();
        if (strangers.Length > 0)
            yield return new Rule("not_a_firm_member", $"Managers must be current members of the firm; these are not: {string.Join(", ", strangers)}.");
    }

    /// <summary>Those no longer wanted unassigned, those new assigned; and what the other modules are told of each.</summary>
    public static (IReadOnlyList<object> Events, IReadOnlyList<object> Told) Decide(
        CollaborationView collaboration, IReadOnlyList<string> wanted, AccountReplica firm, string by, DateTimeOffset now)
    {
        var (id, events, told) = (collaboration.Id, new List<object>(), new List<object>());
        foreach (var gone in collaboration.Managers.Where(m => !wanted.Contains(m.UserId)))
        {
            events.Add(new ManagerUnassigned(id, gone.UserId, UnassignReasons.Unassigned, by));
            told.Add(new Contract.ManagerUnassigned(id, collaboration.PartnerAccountId, collaboration.ClientAccountId, gone.UserId,
                UnassignReasons.Unassigned, now, collaboration.Version + events.Count));
        }
        foreach (var added in wanted.Where(u => !collaboration.IsManager(u)))
        {
            events.Add(new ManagerAssigned(id, added, firm.Member(added)!.Name, by));
            told.Add(new Contract.ManagerAssigned(id, collaboration.PartnerAccountId, collaboration.ClientAccountId, added, by, now,
                collaboration.Version + events.Count));
        }
        return (events, told);
    }

    [WolverinePut("/api/v1/collaborations/{id}/managers")]
    public static (UpdatedAggregate, Events, Tell) Put(
        SetManagers command, [Aggregate] CollaborationView collaboration, [NotBody] CollaborationParties parties, Caller caller,
        IDocumentSession session, TimeProvider clock)
    {
        var firm = parties.Partner!;
        var (events, told) = Decide(collaboration, command.UserIds!, firm, caller.UserId, clock.GetUtcNow());
        // Membership was read from the firm as loaded in this session: storing it back (optimistic concurrency) makes a
        // removal committed meanwhile conflict, a 409, as a change of the collaboration meanwhile does on its stream.
        if (events.Count > 0) session.Store(firm);
        return (new UpdatedAggregate(), [.. events], new Tell(told));
    }
}
