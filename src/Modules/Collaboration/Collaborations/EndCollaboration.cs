using Microsoft.Extensions.Options;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace Holded.Partners.Collaboration.Collaborations;

public sealed record EndCollaboration(string? Reason, bool Confirm);

/// <summary>
/// Step 11: either side ends the collaboration, with a reason, after confirming. Final: managers are unassigned and
/// the other modules end every grant and session.
/// </summary>
public static class EndCollaborationEndpoint
{
    public static Task<CollaborationParties> LoadAsync(CollaborationView collaboration, IDocumentSession session, CancellationToken ct) =>
        CollaborationAccess.PartiesOf(collaboration, session, ct);

    public static ProblemDetails Validate(EndCollaboration command, CollaborationParties parties, Caller caller)
    {
        var access = CollaborationAccess.RequireReach(parties, caller);
        if (access.Status is not null) return access;
        if (parties.DeciderSide(caller) is null)
            return Problems.Forbidden("Only the firm's administrators or the client's owners and admins end a collaboration.");
        var input = new Check()
            .Text("reason", command.Reason, 1000, min: 3)
            .That(command.Confirm, "confirm", "must be true: ending is final, and every access the firm has to the client ends at once.")
            .Result();
        return input.Status is not null ? input : CollaborationAccess.RequireActive(parties.View);
    }

    /// <summary>
    /// The managers unassigned, then the end; and what the other modules are told of each, with the stream version it
    /// makes. Two ends that both passed Validate on one version: the second commit finds the stream moved, a 409.
    /// </summary>
    public static (IReadOnlyList<object> Events, IReadOnlyList<object> Told) Decide(
        CollaborationView collaboration, string by, string side, string reason, DateTimeOffset now)
    {
        var (id, events, told) = (collaboration.Id, new List<object>(), new List<object>());
        foreach (var manager in collaboration.Managers)
        {
            events.Add(new ManagerUnassigned(id, manager.UserId, UnassignReasons.CollaborationEnded, by));
            told.Add(new Contract.ManagerUnassigned(id, collaboration.PartnerAccountId, collaboration.ClientAccountId, manager.UserId,
                UnassignReasons.CollaborationEnded, now, collaboration.Version + events.Count));
        }
        events.Add(new CollaborationEnded(id, by, side, reason));
        told.Add(new Contract.CollaborationEnded(id, collaboration.RequestId, collaboration.ClientAccountId, collaboration.PartnerAccountId, by, side,
            reason, [.. collaboration.Managers.Select(m => m.UserId)], now, collaboration.Version + events.Count));
        return (events, told);
    }

    [WolverinePost("/api/v1/collaborations/{id}/end")]
    public static (UpdatedAggregate, Events, Tell, OutgoingMessages) Post(
        EndCollaboration command, [Aggregate] CollaborationView collaboration, [NotBody] CollaborationParties parties, Caller caller, TimeProvider clock,
        IOptions<CollaborationOptions> options)
    {
        var now = clock.GetUtcNow();
        var (events, told) = Decide(collaboration, caller.UserId, parties.DeciderSide(caller)!, command.Reason!.Trim(), now);
        // Every grant, session and assignment ends in this transaction (see Tell): the answer, the collaboration as
        // committed, is sent once they are gone. Its streams leave the live tables after the retention, durably scheduled.
        var archive = new Contract.ArchiveEndedCollaboration(collaboration.Id).ScheduledAt(now + options.Value.ArchiveEndedAfter);
        return (new UpdatedAggregate(), [.. events], new Tell(told), [archive]);
    }
}
