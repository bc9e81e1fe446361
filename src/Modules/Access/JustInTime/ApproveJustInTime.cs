using JasperFx.Events;
namespace Holded.Partners.Access.JustInTime;

/// <summary>What approving and declining both check: who answers, for which side, and that the request still waits for it.</summary>
public static class JustInTimeAnswers
{
    public static ProblemDetails Validate(JustInTimeParties? found, Caller caller)
    {
        if (found is null || !found.Visible(caller)) return Problems.NotFound("just-in-time request");
        var request = found.Request;
        if (caller.UserId == request.UserId) return Problems.Forbidden("A request is answered by others than the member who asked.");
        if (found.SideOf(caller) is not { } side)
            return Problems.Forbidden("The firm's administrators answer just-in-time requests (and the client's owners and admins, when it asks to).");
        if (request.Status != JustInTimeStatus.Pending)
            return Problems.Conflict("just_in_time_not_pending", "That request is no longer waiting for an answer.");
        if (side == Contracts.Sides.Client && !request.ClientApprovalRequired)
            return Problems.Refused(new Rule("client_approval_not_required", "This client does not approve just-in-time requests: the firm's administrators do."));
        return request.Awaits(side)
            ? Problems.None
            : Problems.Conflict("just_in_time_already_answered", "Your side has already approved this request; it waits for the other side.");
    }
}

/// <summary>
/// A firm administrator (not the requester), and the client's owners or admins when the client asks to, approve a
/// just-in-time request, in either order. The last approval needed starts the access, which expires by itself.
/// </summary>
public static class ApproveJustInTimeEndpoint
{
    public static Task<(IEventStream<JustInTimeAccess>, JustInTimeParties?)> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        JustInTimeParties.LoadForWritingAsync(id, session, ct);

    public static ProblemDetails Validate(JustInTimeParties? found, Caller caller, TimeProvider clock)
    {
        var answer = JustInTimeAnswers.Validate(found, caller);
        return answer.Status is not null ? answer : Problems.RefuseIfAny(Broken(found!, clock.GetUtcNow()));
    }

    /// <summary>What the access would sit on must still be there: the collaboration, the grant of those sections, the member.</summary>
    public static IEnumerable<Rule> Broken(JustInTimeParties found, DateTimeOffset now)
    {
        var (request, parties) = (found.Request, found.Parties);
        if (!parties.Collaboration.Active)
        {
            yield return new Rule("collaboration_ended", "The collaboration has ended.");
            yield break;
        }
        if (parties.Partner?.IsMember(request.UserId) != true)
            yield return new Rule("member_removed", "The member who asked is no longer in the firm.");
        var grantable = JustInTimeParties.Grantable(parties, now);
        if (grantable.Count == 0)
            yield return new Rule("no_grant_in_force", "The client's grant is no longer in force.");
        else if (request.Sections.Where(s => !grantable.ContainsKey(s)).ToArray() is { Length: > 0 } outside)
            yield return new Rule("sections_outside_grant", $"The client's grant no longer gives: {string.Join(", ", outside)}. Ask again within it.");
    }

    public static JustInTimeApproved Decide(JustInTimeParties found, string side, string by, DateTimeOffset now)
    {
        var r = found.Request;
        var last = side == Contracts.Sides.Partner ? !r.ClientApprovalRequired || r.ClientApprovedBy is not null : r.FirmApprovedBy is not null;
        return new JustInTimeApproved(r.Id, r.CollaborationId, r.ClientAccountId, r.PartnerAccountId, r.UserId, side, by,
            last ? now.AddHours(r.Hours) : null, last ? found.Parties.Partner!.Member(r.UserId)!.Version : null);
    }

    /// <summary>Two approvals at once (one per side, or two administrators): both passed Validate on one version, and the second commit is refused (409).</summary>
    [WolverinePost("/api/v1/just-in-time/{id}/approve")]
    public static (Committed<JustInTimeView>, OutgoingMessages) Post(
        Guid id, IEventStream<JustInTimeAccess> stream, [NotBody] JustInTimeParties found, Caller caller, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var approved = Decide(found, found.SideOf(caller)!, caller.UserId, now);
        stream.AppendOne(approved);
        var messages = new OutgoingMessages
        {
            new Contract.JustInTimeAnswered(id, approved.CollaborationId, approved.ClientAccountId, approved.PartnerAccountId, approved.UserId,
                approved.Side, true, approved.ExpiresAt, caller.UserId, now),
        };
        if (approved.ExpiresAt is { } expires) messages.Add(new ExpireJustInTime(id).ScheduledAt(expires));
        return (JustInTimeParties.Answer(id, clock), messages);
    }
}

/// <summary>Either approver declines: the request is closed, and the member may ask again.</summary>
public static class DeclineJustInTimeEndpoint
{
    public static Task<(IEventStream<JustInTimeAccess>, JustInTimeParties?)> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        JustInTimeParties.LoadForWritingAsync(id, session, ct);

    public static ProblemDetails Validate(JustInTimeParties? found, Caller caller) => JustInTimeAnswers.Validate(found, caller);

    [WolverinePost("/api/v1/just-in-time/{id}/decline")]
    public static (Committed<JustInTimeView>, OutgoingMessages) Post(
        Guid id, IEventStream<JustInTimeAccess> stream, [NotBody] JustInTimeParties found, Caller caller, TimeProvider clock)
    {
        var r = found.Request;
        var side = found.SideOf(caller)!;
        stream.AppendOne(new JustInTimeDeclined(id, r.CollaborationId, r.ClientAccountId, r.PartnerAccountId, r.UserId, side, caller.UserId));
        return (JustInTimeParties.Answer(id, clock),
            [new Contract.JustInTimeAnswered(id, r.CollaborationId, r.ClientAccountId, r.PartnerAccountId, r.UserId, side, false, null, caller.UserId, clock.GetUtcNow())]);
    }
}
