using Wolverine.Marten;
using Holded.Partners.Marketplace.Accounts;
using Holded.Partners.Marketplace.Listings;
using Contract = Holded.Partners.Contracts.Marketplace;

namespace Holded.Partners.Marketplace.Conversations;

public sealed record OpenConversation(Guid ClientAccountId, Guid PartnerAccountId, string? Message);

/// <summary>Step 5: a business member opens a conversation with a listed firm, with a first message.</summary>
public static class OpenConversationEndpoint
{
    public const int MaxText = 5000;

    public static async Task<(MarketplaceAccount?, Listing?)> LoadAsync(OpenConversation command, IQuerySession session, CancellationToken ct) =>
        (await session.LoadAsync<MarketplaceAccount>(command.ClientAccountId, ct), await session.LoadAsync<Listing>(command.PartnerAccountId, ct));

    public static ProblemDetails Validate(OpenConversation command, MarketplaceAccount? client, Listing? partner, Caller caller)
    {
        var input = new Check()
            .That(command.ClientAccountId != Guid.Empty, "clientAccountId", "is required: the business account you write for.")
            .That(command.PartnerAccountId != Guid.Empty, "partnerAccountId", "is required: the firm you write to.")
            .Text("message", command.Message, MaxText).Result();
        if (input.Status is not null) return input;
        if (client is null || !client.IsMember(caller.UserId)) return Problems.NotFound("account");
        if (client.Kind != AccountKinds.Business)
            return Problems.Refused(new Rule("not_a_business_account", "Conversations are opened by business accounts looking for a firm."));
        // A firm that is not listed does not exist for the marketplace.
        return partner is { Visible: true } ? Problems.None : Problems.NotFound("partner");
    }

    [WolverinePost("/api/v1/conversations")]
    public static (CreationResponse<Guid>, IStartStream, OutgoingMessages) Post(
        OpenConversation command, [NotBody] MarketplaceAccount client, [NotBody] Listing partner, Caller caller, TimeProvider clock)
    {
        var id = Guid.CreateVersion7();
        var opened = new ConversationOpened(id, client.Id, client.Name, partner.Id, partner.DisplayName, caller.UserId);
        var first = new MessagePosted(id, Guid.CreateVersion7(), Sides.Client, caller.UserId, caller.Name, command.Message!.Trim());
        return (new CreationResponse<Guid>($"/api/v1/conversations/{id}", id),
            MartenOps.StartStream<Conversation>(id, opened, first),
            [new Contract.ConversationMessagePosted(id, first.MessageId, client.Id, partner.Id, Sides.Client, caller.UserId, clock.GetUtcNow())]);
    }
}
