using Holded.Partners.Marketplace.Accounts;
using Holded.Partners.Marketplace.Conversations;
using Holded.Partners.Marketplace.Listings;
using JasperFx.Events;
using Wolverine.Marten;
using Contract = Holded.Partners.Contracts.Marketplace;

namespace Holded.Partners.Marketplace.Invites;

/// <param name="ClientAccountId">The business that starts with the firm.</param>
/// <param name="Message">The first message of the conversation.</param>
public sealed record UseInvite(Guid ClientAccountId, string? Message);

/// <summary>
/// What using a link reads: the link (found by its key) and its stream, loaded for writing and locked, the business,
/// the firm, its listing, and the pair's state across their conversations. One value: Wolverine binds loaded values by type.
/// </summary>
public sealed record InviteUse(
    InviteLinkView? View, IEventStream<InviteLink>? Stream, MarketplaceAccount? Client, MarketplaceAccount? Firm, Listing? Listing, Pairing? Pairing);

/// <summary>
/// A business's owner or admin who holds a firm's link or code starts a conversation with the firm through it, with a
/// first message; the collaboration request is then theirs to send from the conversation (the portal has it ready), so
/// the rules of asking stay the conversation's own. Each use is recorded on the link's stream, for the firm to see.
/// </summary>
public static class UseInviteEndpoint
{
    public static async Task<InviteUse> LoadAsync(string key, UseInvite? command, IDocumentSession session, CancellationToken ct)
    {
        var view = await InviteLinkAccess.FindAsync(session, InviteKeys.Parse(key), ct);
        if (view is null) return new InviteUse(null, null, null, null, null, null);
        var client = command is { ClientAccountId: var id } && id != Guid.Empty ? await session.LoadAsync<MarketplaceAccount>(id, ct) : null;
        var firm = await session.LoadAsync<MarketplaceAccount>(view.PartnerAccountId, ct);
        var listing = await session.LoadAsync<Listing>(view.PartnerAccountId, ct);
        var pairing = client is null ? null : await session.LoadAsync<Pairing>(Pairing.IdFor(client.Id, view.PartnerAccountId), ct);
        // Locked last, for as short a time as may be: uses of one link take turns, and a revoke waits for them (or they for it).
        var stream = await session.Events.FetchForExclusiveWriting<InviteLink>(view.Id, ct);
        return new InviteUse(view, stream, client, firm, listing, pairing);
    }

    public static ProblemDetails Validate(string key, UseInvite? command, InviteUse use, Caller caller, TimeProvider clock)
    {
        var input = new Check()
            .That(InviteKeys.Parse(key) is not null, "key", InviteKeys.Shape)
            .That(command is not null && command.ClientAccountId != Guid.Empty, "clientAccountId", "is required: the business account that starts with the firm.")
            .Text("message", command?.Message, OpenConversationEndpoint.MaxText).Result();
        if (input.Status is not null) return input;
        if (use.Stream?.Aggregate is not { } link) return Problems.NotFound("invite link");
        if (use.Client is not { } client || !client.IsMember(caller.UserId)) return Problems.NotFound("account");
        if (client.Kind != AccountKinds.Business)
            return Problems.Refused(new Rule("not_a_business_account", "Invite links are for businesses: a firm's account cannot start with a firm."));
        if (!client.IsManagedBy(caller.UserId))
            return Problems.Forbidden("Only the business's owners and admins start with a firm through its invite link.");
        return Problems.RefuseIfAny(Broken(link, use, caller, clock.GetUtcNow()));
    }

    /// <summary>Every rule a use breaks, decided on the locked link.</summary>
    public static IEnumerable<Rule> Broken(InviteLink link, InviteUse use, Caller caller, DateTimeOffset now)
    {
        foreach (var rule in InviteLinkAccess.Unusable(link.StatusAt(now), use.Listing is { Visible: true })) yield return rule;
        if (use.Firm?.IsMember(caller.UserId) == true)
            yield return new Rule("own_invite_link", "This is your own firm's invite link: share it with your clients.");
        // The same pair rules as asking to collaborate: no point starting a conversation to ask what cannot be asked.
        if (use.Pairing?.Collaborating == true)
            yield return new Rule("already_collaborating", "You already collaborate with this firm; your conversations with it are under Conversations.");
        else if (use.Pairing?.OpenRequestConversationId is { } open)
            yield return new Rule("collaboration_request_already_open",
                $"A request to this firm is already waiting (conversation {open}); wait for its answer.");
    }

    [WolverinePost("/api/v1/invite-links/{key}/use")]
    public static (CreationResponse<Guid>, IStartStream, OutgoingMessages) Post(UseInvite command, [NotBody] InviteUse use, Caller caller, TimeProvider clock)
    {
        var (client, listing, stream) = (use.Client!, use.Listing!, use.Stream!);
        var id = Guid.CreateVersion7();
        var opened = new ConversationOpened(id, client.Id, client.Name, listing.Id, listing.DisplayName, caller.UserId);
        var first = new MessagePosted(id, Guid.CreateVersion7(), Sides.Client, caller.UserId, caller.Name, command.Message!.Trim());
        stream.AppendOne(new InviteLinkUsed(stream.Id, listing.Id, client.Id, client.Name, id, caller.UserId, caller.Name));
        return (new CreationResponse<Guid>($"/api/v1/conversations/{id}", id),
            MartenOps.StartStream<Conversation>(id, opened, first),
            [new Contract.ConversationMessagePosted(id, first.MessageId, client.Id, listing.Id, Sides.Client, caller.UserId, clock.GetUtcNow())]);
    }
}
