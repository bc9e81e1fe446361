using Holded.Partners.Collaboration.Accounts;

namespace Holded.Partners.Collaboration.Collaborations;

public sealed record EndCollaboration(string? Reason, bool Confirm);

/// <summary>
/// Step 11: either side ends the collaboration, with a reason, after confirming. Final: managers are unassigned and
/// the other modules end every grant and session.
/// </summary>
public static class EndCollaborationEndpoint
{
    public static Task<Parties?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        CollaborationAccess.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(EndCollaboration command, Parties? parties, Caller caller)
    {
        var access = CollaborationAccess.RequireReach(parties, caller);
        if (access.Status is not null) return access;
        if (parties!.DeciderSide(caller) is null)
            return Problems.Forbidden("Only the firm's administrators or the client's owners and admins end a collaboration.");
        var input = new Check()
            .Text("reason", command.Reason, 1000, min: 3)
            .That(command.Confirm, "confirm", "must be true: ending is final, and every access the firm has to the client ends at once.")
            .Result();
        return input.Status is not null ? input : CollaborationAccess.RequireActive(parties.View);
    }

    [WolverinePost("/api/v1/collaborations/{id}/end")]
    public static async Task<(CollaborationView, Tell)> Post(
        Guid id, EndCollaboration command, [NotBody] Parties parties, Caller caller, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Collaboration>(id, ct);
        var collaboration = stream.Aggregate!;
        if (!collaboration.IsActive)
            throw new JasperFx.ConcurrencyException("The collaboration ended meanwhile.", typeof(Collaboration), id);
        var side = parties.DeciderSide(caller)!;
        var view = parties.View;
        var reason = command.Reason!.Trim();
        var now = clock.GetUtcNow();
        var told = new List<object>();
        foreach (var manager in collaboration.Managers)
        {
            stream.AppendOne(new ManagerUnassigned(id, manager.UserId, UnassignReasons.CollaborationEnded, caller.UserId));
            told.Add(new Contract.ManagerUnassigned(id, view.PartnerAccountId, view.ClientAccountId, manager.UserId, UnassignReasons.CollaborationEnded,
                now, stream.CurrentVersion ?? 0));
        }
        stream.AppendOne(new CollaborationEnded(id, caller.UserId, side, reason));
        told.Add(new Contract.CollaborationEnded(id, collaboration.RequestId, view.ClientAccountId, view.PartnerAccountId, caller.UserId, side, reason,
            [.. collaboration.Managers.Select(m => m.UserId)], now, stream.CurrentVersion ?? 0));
        // Every grant, session and assignment ends in this transaction (see Tell): the answer is sent once they are gone.
        return (view with { Status = CollaborationStatus.Ended, Managers = [], Ended = new EndNote(caller.UserId, side, reason, now) }, new Tell(told));
    }
}
