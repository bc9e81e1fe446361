using JasperFx.Events;

namespace Holded.Partners.Marketplace.Conversations;

public sealed record MessageView(Guid MessageId, string Side, string AuthorUserId, string AuthorName, string Text, DateTimeOffset At, long Position);

/// <summary>
/// A conversation with a page of its messages: the latest, oldest first; <paramref name="OlderBefore"/>, when there are
/// older ones, is the <c>before</c> that reads the page before. It holds the <see cref="ConversationView"/> as the
/// projection keeps it, composed in the JSON too: {"conversation": {...}, "messages", "olderBefore", "collaborationId"}.
/// <paramref name="CollaborationId"/> is the collaboration that came of it, once started: the running one, else the last ended.
/// </summary>
public sealed record ConversationDetail(ConversationView Conversation, IReadOnlyList<MessageView> Messages, long? OlderBefore, Guid? CollaborationId);

public static class GetConversationEndpoint
{
    public const int DefaultMessages = 50;
    public const int MaxMessages = 200;

    public static async Task<(ConversationView?, ConversationParties?)> LoadAsync(Guid id, IQuerySession session, CancellationToken ct)
    {
        var view = await session.LoadAsync<ConversationView>(id, ct);
        return view is null ? (null, null)
            : (view, await ConversationParties.LoadAsync(session, view, ct));
    }

    public static ProblemDetails Validate(ConversationParties? parties, long? before, int? limit, Caller caller) =>
        ConversationAccess.RequireParticipant(parties, caller) is { Status: not null } refused ? refused
        : new Check()
            .That(before is null or > 0, "before", "must be a position a page of messages gave as olderBefore.")
            .That(limit is null or >= 1 and <= MaxMessages, "limit", $"must be between 1 and {MaxMessages}.")
            .Result();

    [WolverineGet("/api/v1/conversations/{id}")]
    public static async Task<ConversationDetail> Get(
        [NotBody] ConversationView view, [NotBody] ConversationParties parties, long? before, int? limit, IQuerySession session, CancellationToken ct)
    {
        var size = limit ?? DefaultMessages;
        var upTo = before ?? long.MaxValue;
        // The messages are the stream's own events: a page of them is read by position, newest first, one more than
        // asked to know whether older ones remain.
        var page = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == view.Id && e.EventTypeName == MarketplaceModule.MessagePostedName && e.Version < upTo)
            .OrderByDescending(e => e.Version).Take(size + 1).ToListAsync(ct);
        var messages = page.Take(size).Reverse().Select(e => (e, m: (MessagePosted)e.Data))
            .Select(x => new MessageView(x.m.MessageId, x.m.Side, x.m.AuthorUserId, x.m.AuthorName, x.m.Text, x.e.At(), x.e.Version)).ToList();
        return new ConversationDetail(view, messages, page.Count > size ? messages[0].Position : null, CollaborationOf(parties));
    }

    /// <summary>Where both sides go on from the conversation: the running collaboration, else the one that ended last.</summary>
    public static Guid? CollaborationOf(ConversationParties parties) =>
        (parties.Collaborations.FirstOrDefault(c => c.Active)
         ?? parties.Collaborations.Where(c => c.Started).OrderByDescending(c => c.EndedAt).FirstOrDefault())?.Id;
}
