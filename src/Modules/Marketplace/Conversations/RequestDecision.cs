using Holded.Partners.Marketplace.Accounts;

namespace Holded.Partners.Marketplace.Conversations;

/// <summary>What accepting and declining share: an open request, decided by the firm's administrators.</summary>
public static class RequestDecision
{
    public static ProblemDetails RequireFirmAdministrator(
        Participants? parties, Caller caller)
    {
        var access = ConversationAccess.RequireParticipant(parties, caller);
        if (access.Status is not null) return access;
        if (parties!.Partner?.IsManagedBy(caller.UserId) != true)
            return Problems.Forbidden("Only the firm's administrators accept or decline a collaboration request.");
        var view = parties.View;
        return view.RequestStatus == RequestStatus.Requested
            ? Problems.None
            : Problems.Conflict("no_open_request", $"There is no open collaboration request in this conversation (it is {view.RequestStatus}).");
    }

    /// <summary>The request being decided, on the version being written, and its pair, freed.</summary>
    public static async Task<(JasperFx.Events.IEventStream<Conversation>, RequestState)> CloseAsync(
        IDocumentSession session, Guid id, bool collaborating, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Conversation>(id, ct);
        var conversation = stream.Aggregate!;
        if (!conversation.RequestOpen)
            throw new JasperFx.ConcurrencyException("The request was decided meanwhile.", typeof(Conversation), id);
        var pairingId = Pairing.IdFor(conversation.ClientAccountId, conversation.PartnerAccountId);
        var pairing = await session.LoadAsync<Pairing>(pairingId, ct) ?? new Pairing { Id = pairingId };
        // Never a second collaboration for a pair that has one.
        if (collaborating && pairing.Collaborating)
            throw new JasperFx.ConcurrencyException("The pair already collaborates.", typeof(Pairing), pairingId);
        pairing.OpenRequestId = null;
        pairing.OpenRequestConversationId = null;
        if (collaborating)
        {
            pairing.Collaborating = true;
            pairing.AgreedRequestId = conversation.Request!.RequestId;
        }
        session.Store(pairing);
        return (stream, conversation.Request!);
    }
}
