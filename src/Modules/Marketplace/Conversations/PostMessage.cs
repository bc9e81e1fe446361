using Holded.Partners.Marketplace.Accounts;
using Contract = Holded.Partners.Contracts.Marketplace;

namespace Holded.Partners.Marketplace.Conversations;

public sealed record PostMessage(string? Text);

/// <summary>Either side writes in the conversation.</summary>
public static class PostMessageEndpoint
{
    public static Task<Participants?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        ConversationAccess.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(PostMessage command, Participants? parties, Caller caller)
    {
        var access = ConversationAccess.RequireParticipant(parties, caller);
        return access.Status is not null ? access : new Check().Text("text", command.Text, OpenConversationEndpoint.MaxText).Result();
    }

    [WolverinePost("/api/v1/conversations/{id}/messages")]
    public static async Task<(CreationResponse<Guid>, OutgoingMessages)> Post(
        Guid id, PostMessage command, [NotBody] Participants parties,
        Caller caller, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var side = parties.SideOf(caller)!;
        var view = parties.View;
        var posted = new MessagePosted(id, Guid.CreateVersion7(), side, caller.UserId, caller.Name, command.Text!.Trim());
        // Messages wait for each other rather than conflict: the stream is locked for the short write. No rule reads the
        // conversation's state here (who may write was decided above), so nothing is loaded but the lock.
        await session.Events.AppendExclusive(id, ct, posted);
        return (new CreationResponse<Guid>($"/api/v1/conversations/{id}", posted.MessageId),
            [new Contract.ConversationMessagePosted(id, posted.MessageId, view.ClientAccountId, view.PartnerAccountId, side, caller.UserId, clock.GetUtcNow())]);
    }
}
