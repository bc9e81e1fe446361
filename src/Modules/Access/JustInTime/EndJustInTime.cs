using JasperFx.Events;
namespace Holded.Partners.Access.JustInTime;

/// <summary>
/// Either side ends just-in-time access before its time: the member who asked, a firm administrator, or the client's
/// owners and admins. It is gone on this node before the answer is sent (see <see cref="State.AccessChanges"/>).
/// </summary>
public static class EndJustInTimeEndpoint
{
    public static Task<(IEventStream<JustInTimeAccess>, JustInTimeParties?)> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        JustInTimeParties.LoadForWritingAsync(id, session, ct);

    public static ProblemDetails Validate(JustInTimeParties? found, Caller caller, TimeProvider clock)
    {
        if (found is null || !found.Visible(caller)) return Problems.NotFound("just-in-time request");
        if (Reason(found, caller) is null)
            return Problems.Forbidden("Just-in-time access is ended by the member who asked, the firm's administrators or the client's owners and admins.");
        return found.Request.InForce(clock.GetUtcNow())
            ? Problems.None
            : Problems.Conflict("just_in_time_not_active", "That just-in-time access is not in force: it has not started, or has ended already.");
    }

    /// <summary>Who ends it, as the trail says it: the requester first (a requester is never an approver of their own).</summary>
    public static string? Reason(JustInTimeParties found, Caller caller) =>
        caller.UserId == found.Request.UserId ? JustInTimeEndReasons.ByRequester
        : found.SideOf(caller) switch
        {
            Contracts.Sides.Partner => JustInTimeEndReasons.ByFirm,
            Contracts.Sides.Client => JustInTimeEndReasons.ByClient,
            _ => null,
        };

    /// <summary>An end and an approval or another end at once: the second commit is refused (409).</summary>
    [WolverinePost("/api/v1/just-in-time/{id}/end")]
    public static (Committed<JustInTimeView>, OutgoingMessages) Post(
        Guid id, IEventStream<JustInTimeAccess> stream, [NotBody] JustInTimeParties found, Caller caller, TimeProvider clock)
    {
        var r = found.Request;
        var reason = Reason(found, caller)!;
        stream.AppendOne(new JustInTimeEnded(id, r.CollaborationId, r.ClientAccountId, r.PartnerAccountId, r.UserId, caller.UserId, reason));
        return (JustInTimeParties.Answer(id, clock),
            [new Contract.JustInTimeEnded(id, r.CollaborationId, r.ClientAccountId, r.PartnerAccountId, r.UserId, reason, r.ClientApprovalRequired, caller.UserId, clock.GetUtcNow())]);
    }
}
