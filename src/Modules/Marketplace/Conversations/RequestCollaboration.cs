using Wolverine.Http.Marten;
using Wolverine.Marten;
using Contract = Holded.Partners.Contracts.Marketplace;

namespace Holded.Partners.Marketplace.Conversations;

public sealed record RequestCollaboration(string? Message);

/// <summary>Step 5: the business asks the firm to collaborate. One open request per client and firm; none while they collaborate.</summary>
public static class RequestCollaborationEndpoint
{
    /// <summary>Who takes part, and the pair across its conversations, read in the writer's session: the pairing is stored back.</summary>
    public static async Task<(ConversationParties, Pairing?)> LoadAsync(Conversation conversation, IDocumentSession session, CancellationToken ct) =>
        (await ConversationParties.LoadAsync(session, conversation, ct), await Pairing.LoadAsync(session, conversation, ct));

    public static ProblemDetails Validate(
        RequestCollaboration? command, Conversation conversation, ConversationParties parties, Pairing? pairing, Caller caller)
    {
        var access = ConversationAccess.RequireParticipant(parties, caller);
        if (access.Status is not null) return access;
        if (parties.Client?.IsManagedBy(caller.UserId) != true)
            return Problems.Forbidden("Only the business's owners and admins ask a firm to collaborate.");
        var input = new Check().Text("message", command?.Message, OpenConversationEndpoint.MaxText, required: false).Result();
        return input.Status is not null ? input : Problems.RefuseIfAny(Broken(conversation, pairing));
    }

    public static IEnumerable<Rule> Broken(Conversation conversation, Pairing? pairing)
    {
        if (pairing?.Collaborating == true)
            yield return new Rule("already_collaborating", "You already collaborate with this firm; end that collaboration before asking again.");
        if (pairing?.OpenRequestId is not null || conversation.RequestOpen)
            yield return new Rule("collaboration_request_already_open",
                $"A request to this firm is already waiting (conversation {pairing?.OpenRequestConversationId ?? conversation.Id}); wait for its answer.");
    }

    /// <summary>
    /// The request on the conversation's stream, and the pair's open request on its pairing. Two requests for one pair at
    /// once, in two conversations: both passed Validate on the same pairing, and the second commit finds it changed (409).
    /// </summary>
    [WolverinePost("/api/v1/conversations/{id}/collaboration-request")]
    public static (Committed<ConversationView>, Events, IMartenOp, OutgoingMessages) Post(
        RequestCollaboration? command, [WriteAggregate] Conversation conversation, Pairing? pairing, Caller caller, TimeProvider clock)
    {
        var requested = new CollaborationRequested(conversation.Id, Guid.CreateVersion7(), caller.UserId,
            string.IsNullOrWhiteSpace(command?.Message) ? null : command.Message.Trim());
        var opened = Pairing.Of(conversation, pairing) with { OpenRequestId = requested.RequestId, OpenRequestConversationId = conversation.Id };
        return (ConversationAccess.Answer(conversation.Id), [requested], Pairing.Save(pairing, opened),
            [new Contract.CollaborationRequested(requested.RequestId, conversation.Id, conversation.ClientAccountId, conversation.ClientName,
                conversation.PartnerAccountId, caller.UserId, clock.GetUtcNow())]);
    }
}
