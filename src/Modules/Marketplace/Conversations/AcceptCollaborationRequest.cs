using Holded.Partners.Marketplace.Accounts;
using Contract = Holded.Partners.Contracts.Marketplace;

namespace Holded.Partners.Marketplace.Conversations;

public sealed record AcceptCollaborationRequest(bool Confirm);

/// <summary>Step 5: a firm administrator accepts, confirming explicitly; the Collaboration module starts the collaboration.</summary>
public static class AcceptCollaborationRequestEndpoint
{
    public static Task<Participants?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        ConversationAccess.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(
        AcceptCollaborationRequest? command, Participants? parties, Caller caller)
    {
        var access = RequestDecision.RequireFirmAdministrator(parties, caller);
        if (access.Status is not null) return access;
        return new Check().That(command?.Confirm == true, "confirm",
            "must be true: accepting starts a collaboration in which the client can grant your firm access to its account.").Result();
    }

    [WolverinePost("/api/v1/conversations/{id}/collaboration-request/accept")]
    public static async Task<(ConversationView, OutgoingMessages)> Post(
        Guid id, AcceptCollaborationRequest command, [NotBody] Participants parties, Caller caller,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var view = parties.View;
        var (stream, request) = await RequestDecision.CloseAsync(session, id, collaborating: true, ct);
        stream.AppendOne(new CollaborationRequestAccepted(id, request.RequestId, caller.UserId));
        return (view with { RequestStatus = RequestStatus.Accepted },
            [new Contract.CollaborationAgreed(request.RequestId, id, view.ClientAccountId, view.ClientName, view.PartnerAccountId,
                view.PartnerName, request.RequestedBy, caller.UserId, clock.GetUtcNow())]);
    }
}
