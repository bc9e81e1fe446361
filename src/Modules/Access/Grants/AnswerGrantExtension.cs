using JasperFx.Events;

namespace Holded.Partners.Access.Grants;

/// <summary>
/// The client's owners and admins answer a firm's extension request in one click. Approving moves the expiry as a new
/// generation, so the expiry and reminders scheduled for the old one find it stale and new ones are scheduled.
/// </summary>
public static class GrantExtensions
{
    public static ProblemDetails Validate(GrantParties? parties, Guid requestId, Caller caller, TimeProvider clock)
    {
        if (parties is null) return Problems.NotFound("collaboration");
        var access = parties.RequireClientManager(caller);
        if (access.Status is not null) return access;
        var grant = parties.Grant;
        // Answered already, withdrawn by the client's own change, or ended with the grant: nothing waits any more.
        if (grant?.PendingExtension?.Id != requestId || !grant.InForce)
            return Problems.Conflict("extension_request_not_pending", "That extension request is not waiting for an answer.");
        return grant.ExpiresAt <= clock.GetUtcNow()
            ? Problems.Refused(new Rule("grant_expired", "The access has expired; grant it again instead."))
            : Problems.None;
    }

    public static AccessExtended Approve(Grant grant, string by) => new(
        grant.CollaborationId, grant.ClientAccountId, grant.PartnerAccountId, grant.PendingExtension!.Id, grant.Role!,
        grant.ExpiresAt!.Value, grant.PendingExtension.ExpiresAt, by, grant.Generation + 1);

    /// <summary>What an approval tells and schedules: the new expiry and its reminders, and the firm's news.</summary>
    public static IEnumerable<object> Outcome(AccessExtended e, DateTimeOffset now) =>
        SetAccessGrantEndpoint.Scheduled(e.CollaborationId, e.Generation, e.ToExpiresAt, now)
            .Append(new Contract.AccessExtensionAnswered(e.CollaborationId, e.ClientAccountId, e.PartnerAccountId, e.RequestId, true, e.ToExpiresAt, e.By, now));
}

public static class ApproveGrantExtensionEndpoint
{
    public static Task<(IEventStream<Grant>, GrantParties?)> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        SetAccessGrantEndpoint.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(GrantParties? parties, Guid requestId, Caller caller, TimeProvider clock) =>
        GrantExtensions.Validate(parties, requestId, caller, clock);

    /// <summary>Two approvals at once: both passed Validate on one version, and the second commit is refused (409).</summary>
    [WolverinePost("/api/v1/collaborations/{id}/access-grant/extension-requests/{requestId}/approve")]
    public static (Committed<GrantView>, OutgoingMessages) Post(
        Guid id, Guid requestId, IEventStream<Grant> stream, [NotBody] GrantParties parties, Caller caller, TimeProvider clock)
    {
        var extended = GrantExtensions.Approve(parties.Grant!, caller.UserId);
        stream.AppendOne(extended);
        var messages = new OutgoingMessages();
        messages.AddRange(GrantExtensions.Outcome(extended, clock.GetUtcNow()));
        return (GrantParties.Answer(id, clock), messages);
    }
}

public static class DeclineGrantExtensionEndpoint
{
    public static Task<(IEventStream<Grant>, GrantParties?)> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        SetAccessGrantEndpoint.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(GrantParties? parties, Guid requestId, Caller caller, TimeProvider clock) =>
        GrantExtensions.Validate(parties, requestId, caller, clock);

    /// <summary>Declining leaves the grant as it is: it expires when it was to.</summary>
    [WolverinePost("/api/v1/collaborations/{id}/access-grant/extension-requests/{requestId}/decline")]
    public static (Committed<GrantView>, OutgoingMessages) Post(
        Guid id, Guid requestId, IEventStream<Grant> stream, [NotBody] GrantParties parties, Caller caller, TimeProvider clock)
    {
        var grant = parties.Grant!;
        var declined = new AccessExtensionDeclined(id, grant.ClientAccountId, grant.PartnerAccountId, requestId, grant.Role!, grant.PendingExtension!.ExpiresAt, caller.UserId);
        stream.AppendOne(declined);
        return (GrantParties.Answer(id, clock),
            [new Contract.AccessExtensionAnswered(id, grant.ClientAccountId, grant.PartnerAccountId, requestId, false, grant.ExpiresAt!.Value, caller.UserId, clock.GetUtcNow())]);
    }
}
