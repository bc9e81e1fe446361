using Wolverine.Http.Marten;
using Wolverine.Marten;
using Contract = Holded.Partners.Contracts.Marketplace;

namespace Holded.Partners.Marketplace.Conversations;

public sealed record PostMessage(string? Text);

/// <summary>Either side writes in the conversation.</summary>
public static class PostMessageEndpoint
{
    public static Task<ConversationParties> LoadAsync(ConversationView conversation, IDocumentSession session, CancellationToken ct) =>
        ConversationParties.LoadAsync(session, conversation, ct);

    public static ProblemDetails Validate(PostMessage command, ConversationParties parties, Caller caller)
    {
        var access = ConversationAccess.RequireParticipant(parties, caller);
        return access.Status is not null ? access : new Check().Text("text", command.Text, OpenConversationEndpoint.MaxText).Result();
    }

    /// <summary>
    /// Messages wait for each other rather than conflict: the stream is loaded for writing under its lock (exclusive), so
    /// writers one after another each append to the version the one before committed. What is loaded is the
    /// conversation's view, the one document a message changes (its count and last activity): the commit applies the
    /// message to that very instance instead of reading it again.
    /// </summary>
    [WolverinePost("/api/v1/conversations/{id}/messages")]
    public static (CreationResponse<Guid>, Events, OutgoingMessages) Post(
        PostMessage command, [WriteAggregate(LoadStyle = ConcurrencyStyle.Exclusive)] ConversationView conversation, ConversationParties parties,
        Caller caller, TimeProvider clock)
    {
        var side = parties.SideOf(caller)!;
        var c = conversation;
        var posted = new MessagePosted(c.Id, Guid.CreateVersion7(), side, caller.UserId, caller.Name, command.Text!.Trim());
        return (new CreationResponse<Guid>($"/api/v1/conversations/{c.Id}", posted.MessageId), [posted],
            [new Contract.ConversationMessagePosted(c.Id, posted.MessageId, c.ClientAccountId, c.PartnerAccountId, side, caller.UserId, clock.GetUtcNow())]);
    }
}
