namespace Holded.Partners.Marketplace.Conversations;

/// <summary>What accepting and declining share: an open request, decided by the firm's administrators.</summary>
public static class RequestDecision
{
    public static async Task<(ConversationParties, Pairing?)> LoadAsync(Conversation conversation, IDocumentSession session, CancellationToken ct) =>
        (await ConversationParties.LoadAsync(session, conversation, ct), await Pairing.LoadAsync(session, conversation, ct));

    /// <summary>Who decides, and that there is a request to decide, on the version being written.</summary>
    public static ProblemDetails RequireFirmAdministrator(Conversation conversation, ConversationParties parties, Caller caller)
    {
        var access = ConversationAccess.RequireParticipant(parties, caller);
        if (access.Status is not null) return access;
        if (parties.Partner?.IsManagedBy(caller.UserId) != true)
            return Problems.Forbidden("Only the firm's administrators accept or decline a collaboration request.");
        return conversation.RequestOpen
            ? Problems.None
            : Problems.Conflict("no_open_request",
                $"There is no open collaboration request in this conversation (it is {conversation.Request?.Status ?? RequestStatus.None}).");
    }

    /// <summary>Never a second collaboration for a pair that has one.</summary>
    public static IEnumerable<Rule> BrokenAccept(Pairing? pairing)
    {
        if (pairing?.Collaborating == true)
            yield return new Rule("already_collaborating", "This client and your firm already collaborate; end that collaboration before starting another.");
    }

    /// <summary>The pair once the request is decided: no request open, and collaborating if it was accepted.</summary>
    public static Pairing Closed(Conversation conversation, Pairing? read, bool collaborating)
    {
        var pairing = Pairing.Of(conversation, read) with { OpenRequestId = null, OpenRequestConversationId = null };
        return collaborating ? pairing with { Collaborating = true, AgreedRequestId = conversation.Request!.RequestId } : pairing;
    }
}
