using Wolverine.Http.Marten;
using Wolverine.Marten;
using Contract = Holded.Partners.Contracts.Marketplace;

namespace Holded.Partners.Marketplace.Conversations;

public sealed record DeclineCollaborationRequest(string? Reason);

/// <summary>A firm administrator declines with a reason the client reads; the client may ask again later.</summary>
public static class DeclineCollaborationRequestEndpoint
{
    public static Task<(ConversationParties, Pairing?)> LoadAsync(Conversation conversation, IDocumentSession session, CancellationToken ct) =>
        RequestDecision.LoadAsync(conversation, session, ct);

    public static ProblemDetails Validate(DeclineCollaborationRequest command, Conversation conversation, ConversationParties parties, Caller caller)
    {
        var access = RequestDecision.RequireFirmAdministrator(conversation, parties, caller);
        return access.Status is not null ? access : new Check().Text("reason", command.Reason, 1000, min: 3).Result();
    }

    [WolverinePost("/api/v1/conversations/{id}/collaboration-request/decline")]
    public static (Committed<ConversationView>, Events, IMartenOp, OutgoingMessages) Post(
        DeclineCollaborationRequest command, [WriteAggregate] Conversation conversation, Pairing? pairing, Caller caller, TimeProvider clock)
    {
        var request = conversation.Request!;
        var c = conversation;
        var reason = command.Reason!.Trim();
        return (ConversationAccess.Answer(c.Id), [new CollaborationRequestDeclined(c.Id, request.RequestId, caller.UserId, reason)],
            Pairing.Save(pairing, RequestDecision.Closed(c, pairing, collaborating: false)),
            [new Contract.CollaborationRequestDeclined(request.RequestId, c.Id, c.ClientAccountId, c.PartnerAccountId, reason, caller.UserId, clock.GetUtcNow())]);
    }
}
