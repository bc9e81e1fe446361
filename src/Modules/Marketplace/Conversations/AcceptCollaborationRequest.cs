using Wolverine.Http.Marten;
using Wolverine.Marten;
using Contract = Holded.Partners.Contracts.Marketplace;

namespace Holded.Partners.Marketplace.Conversations;

public sealed record AcceptCollaborationRequest(bool Confirm);

/// <summary>Step 5: a firm administrator accepts, confirming explicitly; the Collaboration module starts the collaboration.</summary>
public static class AcceptCollaborationRequestEndpoint
{
    public static Task<(ConversationParties, Pairing?)> LoadAsync(Conversation conversation, IDocumentSession session, CancellationToken ct) =>
        RequestDecision.LoadAsync(conversation, session, ct);

    public static ProblemDetails Validate(
        AcceptCollaborationRequest? command, Conversation conversation, ConversationParties parties, Pairing? pairing, Caller caller)
    {
        var access = RequestDecision.RequireFirmAdministrator(conversation, parties, caller);
        if (access.Status is not null) return access;
        var input = new Check().That(command?.Confirm == true, "confirm",
            "must be true: accepting starts a collaboration in which the client can grant your firm access to its account.").Result();
        return input.Status is not null ? input : Problems.RefuseIfAny(RequestDecision.BrokenAccept(pairing));
    }

    [WolverinePost("/api/v1/conversations/{id}/collaboration-request/accept")]
    public static (Committed<ConversationView>, Events, IMartenOp, OutgoingMessages) Post(
        AcceptCollaborationRequest command, [WriteAggregate] Conversation conversation, Pairing? pairing, Caller caller, TimeProvider clock)
    {
        var request = conversation.Request!;
        var c = conversation;
        return (ConversationAccess.Answer(c.Id), [new CollaborationRequestAccepted(c.Id, request.RequestId, caller.UserId)],
            Pairing.Save(pairing, RequestDecision.Closed(c, pairing, collaborating: true)),
            [new Contract.CollaborationAgreed(request.RequestId, c.Id, c.ClientAccountId, c.ClientName, c.PartnerAccountId,
                c.PartnerName, request.RequestedBy, caller.UserId, clock.GetUtcNow())]);
    }
}
