using Holded.Partners.Collaboration.Accounts;

namespace Holded.Partners.Collaboration.Collaborations;

public sealed record SetManagers(IReadOnlyList<string>? UserIds);

/// <summary>Step 8: a firm administrator sets who manages a client. Each must be a current member of the firm.</summary>
public static class SetManagersEndpoint
{
    public const int MaxManagers = 50;

    public static Task<Parties?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        CollaborationAccess.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(
        SetManagers command, Parties? parties, Caller caller)
    {
        var access = CollaborationAccess.RequireReach(parties, caller);
        if (access.Status is not null) return access;
        var partner = parties!.Partner;
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
        if (active.Status is not null) return active;
        var strangers = ids!.Where(id => !partner.IsMember(id)).ToArray();
        return strangers.Length == 0
            ? Problems.None
            : Problems.Refused(new Rule("not_a_firm_member",
                $"Managers must be current members of the firm; these are not: {string.Join(", ", strangers)}."));
    }

    [WolverinePut("/api/v1/collaborations/{id}/managers")]
    public static async Task<(CollaborationView, Tell)> Put(
        Guid id, SetManagers command, [NotBody] Parties parties, Caller caller,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (view, partner) = (parties.View, parties.Partner!);
        var stream = await session.Events.FetchForWriting<Collaboration>(id, ct);
        var collaboration = stream.Aggregate!;
        if (!collaboration.IsActive)
            throw new JasperFx.ConcurrencyException("The collaboration ended meanwhile.", typeof(Collaboration), id);
        var wanted = command.UserIds!;
        // Membership checked again on the firm as written: storing it back makes a removal committed meanwhile conflict.
        var firm = await session.LoadAsync<CollaborationAccount>(partner.Id, ct);
        if (firm is null || wanted.Any(u => !firm.IsMember(u)))
            throw new JasperFx.ConcurrencyException("The firm's members changed meanwhile.", typeof(CollaborationAccount), partner.Id);
        session.Store(firm);
        var now = clock.GetUtcNow();
        var told = new List<object>();
        foreach (var gone in collaboration.Managers.Where(m => !wanted.Contains(m.UserId)))
        {
            stream.AppendOne(new ManagerUnassigned(id, gone.UserId, UnassignReasons.Unassigned, caller.UserId));
            told.Add(new Contract.ManagerUnassigned(id, view.PartnerAccountId, view.ClientAccountId, gone.UserId, UnassignReasons.Unassigned, now,
                stream.CurrentVersion ?? 0));
        }
        foreach (var added in wanted.Where(u => !collaboration.IsManager(u)))
        {
            stream.AppendOne(new ManagerAssigned(id, added, firm.Member(added)!.Name, caller.UserId));
            told.Add(new Contract.ManagerAssigned(id, view.PartnerAccountId, view.ClientAccountId, added, caller.UserId, now, stream.CurrentVersion ?? 0));
        }
        // The order the stored view keeps: those who stay, then those added.
        var managers = collaboration.Managers.Where(m => wanted.Contains(m.UserId))
            .Concat(wanted.Where(u => !collaboration.IsManager(u)).Select(u => new Manager(u, firm.Member(u)!.Name))).ToList();
        return (view with { Managers = managers }, new Tell(told));
    }
}
