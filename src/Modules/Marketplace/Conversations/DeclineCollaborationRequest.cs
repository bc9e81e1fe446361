using Holded.Partners.Marketplace.Accounts;
using Contract = Holded.Partners.Contracts.Marketplace;

namespace Holded.Partners.Marketplace.Conversations;

public sealed record DeclineCollaborationRequest(string? Reason);

/// <summary>A firm administrator declines with a reason the client reads; the client may ask again later.</summary>
public static class DeclineCollaborationRequestEndpoint
{
    public static Task<Participants?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        ConversationAccess.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(
        DeclineCollaborationRequest command, Participants? parties, Caller caller)
    {
        var access = RequestDecision.RequireFirmAdministrator(parties, caller);
        return access.Status is not null ? access : new Check().Text("reason", command.Reason, 1000, min: 3).Result();
    }

    [WolverinePost("/api/v1/conversations/{id}/collaboration-request/decline")]
    public static async Task<(ConversationView, OutgoingMessages)> Post(
        Guid id, DeclineCollaborationRequest command, [NotBody] Participants parties, Caller caller,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var view = parties.View;
        var (stream, request) = await RequestDecision.CloseAsync(session, id, collaborating: false, ct);
        var reason = command.Reason!.Trim();
        stream.AppendOne(new CollaborationRequestDeclined(id, request.RequestId, caller.UserId, reason));
        return (view with { RequestStatus = RequestStatus.Declined, DeclineReason = reason },
            [new Contract.CollaborationRequestDeclined(request.RequestId, id, view.ClientAccountId, view.PartnerAccountId, reason, caller.UserId, clock.GetUtcNow())]);
    }
}
