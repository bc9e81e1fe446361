using Contract = Holded.Partners.Contracts.Marketplace;

namespace Holded.Partners.Marketplace.Conversations;

public sealed record PostMessage(string? Text);

/// <summary>Either side writes in the conversation.</summary>
public static class PostMessageEndpoint
{
    public static Task<ConversationWrite> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        ConversationParties.ForWritingAsync(session, id, ct);

    public static ProblemDetails Validate(PostMessage command, ConversationWrite write, Caller caller)
    {
        var access = ConversationAccess.RequireParticipant(write.Parties, caller);
        return access.Status is not null ? access : new Check().Text("text", command.Text, OpenConversationEndpoint.MaxText).Result();
    }

    /// <summary>
    /// Messages wait for each other rather than conflict: the stream is loaded for writing under its lock (exclusive), so
    /// writers one after another each append to the version the one before committed. What is loaded is the
    /// conversation's view, the one document a message changes (its count and last activity): the commit applies the
    /// message to that very instance instead of reading it again. Who may write comes in the same round trip.
    /// </summary>
    [WolverinePost("/api/v1/conversations/{id}/messages")]
    public static (CreationResponse<Guid>, OutgoingMessages) Post(PostMessage command, [NotBody] ConversationWrite write, Caller caller, TimeProvider clock)
    {
        var side = write.Parties.SideOf(caller)!;
        var c = write.Stream.Aggregate!;
        var posted = new MessagePosted(c.Id, Guid.CreateVersion7(), side, caller.UserId, caller.Name, command.Text!.Trim());
        write.Stream.AppendOne(posted);
        return (new CreationResponse<Guid>($"/api/v1/conversations/{c.Id}", posted.MessageId),
            [new Contract.ConversationMessagePosted(c.Id, posted.MessageId, c.ClientAccountId, c.PartnerAccountId, side, caller.UserId, clock.GetUtcNow())]);
    }
}

