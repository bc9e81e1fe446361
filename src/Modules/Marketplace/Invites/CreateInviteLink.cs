using Holded.Partners.Marketplace.Accounts;
using Holded.Partners.Marketplace.Listings;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace Holded.Partners.Marketplace.Invites;

/// <param name="Label">The firm's own note of where it shares the link ("web", "newsletter de marzo"); clients never see it.</param>
/// <param name="ExpiresAt">Optional: after it, the link and its code stop working. Within a year.</param>
public sealed record CreateInviteLink(string? Label, DateTimeOffset? ExpiresAt);

/// <summary>
/// A firm's administrator makes an invite link (and its short code) to share with clients. A firm may keep several, one
/// per place it shares them, and see which brings clients. Only a firm in the marketplace invites: a client that
/// follows the link starts a marketplace conversation.
/// </summary>
public static class CreateInviteLinkEndpoint
{
    public const int MaxLabel = 80;
    public static readonly TimeSpan LongestLife = TimeSpan.FromDays(366);

    public static async Task<(MarketplaceAccount?, Listing?)> LoadAsync(Guid accountId, IQuerySession session, CancellationToken ct) =>
        (await session.LoadAsync<MarketplaceAccount>(accountId, ct), await session.LoadAsync<Listing>(accountId, ct));

    public static ProblemDetails Validate(CreateInviteLink? command, MarketplaceAccount? firm, Listing? listing, Caller caller, TimeProvider clock)
    {
        var access = InviteLinkAccess.RequireFirmAdministrator(firm, caller);
        if (access.Status is not null) return access;
        var now = clock.GetUtcNow();
        var input = new Check()
            .Text("label", command?.Label, MaxLabel, required: false)
            .That(command?.ExpiresAt is null || command.ExpiresAt > now, "expiresAt", "must be in the future.")
            .That(command?.ExpiresAt is null || command.ExpiresAt <= now + LongestLife, "expiresAt", "must be at most a year from now.")
            .Result();
        if (input.Status is not null) return input;
        return listing is { Visible: true }
            ? Problems.None
            : Problems.Refused(new Rule("firm_not_listed",
                "Only a firm in the marketplace invites clients: publish your profile and keep your subscription active first."));
    }

    /// <summary>
    /// New keys each time. Two links drawing the same code (one in about 10^11 per pair) collide on the view's unique
    /// index: the second commit fails with 409 and nothing is stored, and creating again draws another.
    /// </summary>
    [WolverinePost("/api/v1/partners/{accountId}/invite-links")]
    public static (CreationResponse<Guid>, IStartStream) Post(Guid accountId, CreateInviteLink? command, Caller caller)
    {
        var id = Guid.CreateVersion7();
        var label = string.IsNullOrWhiteSpace(command?.Label) ? null : command.Label.Trim();
        var created = new InviteLinkCreated(id, accountId, InviteKeys.NewToken(), InviteKeys.NewCode(), label, command?.ExpiresAt, caller.UserId);
        return (new CreationResponse<Guid>($"/api/v1/partners/{accountId}/invite-links/{id}", id), MartenOps.StartStream<InviteLink>(id, created));
    }
}
