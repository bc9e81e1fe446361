using Holded.Partners.Marketplace.Accounts;
using Contract = Holded.Partners.Contracts.Marketplace;

namespace Holded.Partners.Marketplace.Conversations;

public sealed record RequestCollaboration(string? Message);

/// <summary>Step 5: the business asks the firm to collaborate. One open request per client and firm; none while they collaborate.</summary>
public static class RequestCollaborationEndpoint
{
    public static async Task<(Participants?, Pairing?)> LoadAsync(Guid id, IQuerySession session, CancellationToken ct)
    {
        var parties = await ConversationAccess.LoadAsync(id, session, ct);
        var pairing = parties is null ? null
            : await session.LoadAsync<Pairing>(Pairing.IdFor(parties.View.ClientAccountId, parties.View.PartnerAccountId), ct);
        return (parties, pairing);
    }

    public static ProblemDetails Validate(
        RequestCollaboration? command, Participants? parties, Pairing? pairing,
        Caller caller)
    {
        var access = ConversationAccess.RequireParticipant(parties, caller);
        if (access.Status is not null) return access;
        if (parties!.Client?.IsManagedBy(caller.UserId) != true)
            return Problems.Forbidden("Only the business's owners and admins ask a firm to collaborate.");
        var input = new Check().Text("message", command?.Message, OpenConversationEndpoint.MaxText, required: false).Result();
        return input.Status is not null ? input : Problems.RefuseIfAny(Broken(pairing));
    }

    public static IEnumerable<Rule> Broken(Pairing? pairing)
    {
        if (pairing?.Collaborating == true)
            yield return new Rule("already_collaborating", "You already collaborate with this firm; end that collaboration before asking again.");
        if (pairing?.OpenRequestId is not null)
            yield return new Rule("collaboration_request_already_open",
                $"A request to this firm is already waiting (conversation {pairing.OpenRequestConversationId}); wait for its answer.");
    }

    [WolverinePost("/api/v1/conversations/{id}/collaboration-request")]
    public static async Task<(ConversationView, OutgoingMessages)> Post(
        Guid id, RequestCollaboration? command, [NotBody] Participants parties, Caller caller,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var view = parties.View;
        var stream = await session.Events.FetchForWriting<Conversation>(id, ct);
        var pairingId = Pairing.IdFor(view.ClientAccountId, view.PartnerAccountId);
        var pairing = await session.LoadAsync<Pairing>(pairingId, ct) ?? new Pairing { Id = pairingId };
        if (Broken(pairing).Any() || stream.Aggregate!.RequestOpen)
            throw new JasperFx.ConcurrencyException("Another request for this pair was made meanwhile.", typeof(Pairing), pairingId);

        var requested = new CollaborationRequested(id, Guid.CreateVersion7(), caller.UserId,
            string.IsNullOrWhiteSpace(command?.Message) ? null : command.Message.Trim());
        stream.AppendOne(requested);
        pairing.OpenRequestId = requested.RequestId;
        pairing.OpenRequestConversationId = id;
        session.Store(pairing);

        var now = clock.GetUtcNow();
        return (view with { RequestStatus = RequestStatus.Requested, RequestId = requested.RequestId, RequestedAt = now, DeclineReason = null },
            [new Contract.CollaborationRequested(requested.RequestId, id, view.ClientAccountId, view.ClientName, view.PartnerAccountId, caller.UserId, now)]);
    }
}
