using Holded.Partners.Marketplace.Conversations;
using Holded.Partners.Marketplace.Invites;
using Holded.Partners.Marketplace.Responsiveness;

namespace Holded.Partners.Marketplace.Tests;

/// <summary>Every Marketplace projection, rebuilt from the events, equals the one kept live.</summary>
public class ProjectionRebuildTests(PartnersApp app) : AppTest(app)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var (_, partner, firmAdmin, business, owner) = await Api.Collaborating();
        var other = await Api.OpenConversation(owner, business, partner, "Otra pregunta");
        (await Api.Post($"/api/v1/conversations/{other}/messages", firmAdmin, new { text = "Respuesta" })).ShouldBe(HttpStatusCode.Created);
        var owner2 = Actor.Person();
        var business2 = await Api.RegisterBusiness(owner2);
        var declined = await Api.OpenConversation(owner2, business2, partner);
        await Api.RequestCollaboration(owner2, declined);
        (await Api.Post($"/api/v1/conversations/{declined}/collaboration-request/decline", firmAdmin, new { reason = "No llegamos." })).ShouldBe(HttpStatusCode.OK);

        // Invite links: one used twice, one revoked after a use, one never used.
        var links = $"/api/v1/partners/{partner}/invite-links";
        var used = (await Api.Post(links, firmAdmin, new { label = "Web" })).ShouldBe(HttpStatusCode.Created).Id;
        var revoked = (await Api.Post(links, firmAdmin, new { expiresAt = App.Clock.GetUtcNow().AddDays(30) })).ShouldBe(HttpStatusCode.Created).Id;
        (await Api.Post(links, firmAdmin, new { label = "Sin usar" })).ShouldBe(HttpStatusCode.Created);
        foreach (var link in new[] { used, used, revoked })
        {
            var token = (await Api.GetAs<InviteLinkSummary>($"{links}/{link}", firmAdmin)).Token;
            var who = Actor.Person();
            var business3 = await Api.RegisterBusiness(who);
            (await Api.Post($"/api/v1/invite-links/{token}/use", who, new { clientAccountId = business3, message = "Hola" })).ShouldBe(HttpStatusCode.Created);
        }
        (await Api.Delete($"{links}/{revoked}", firmAdmin)).ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact] public Task conversations() => App.ShouldRebuildIdentically<Conversation>(typeof(Conversation));
    [Fact]
    public async Task conversation_responses()
    {
        await App.ProjectionsCaughtUpAsync(); // async: the live read model first has to be complete
        await App.ShouldRebuildIdentically<ConversationResponse>(typeof(ConversationResponseProjection));
    }

    [Fact] public Task conversation_views() => App.ShouldRebuildIdentically<ConversationView>(typeof(ConversationViewProjection));

    [Fact] public Task invite_links() => App.ShouldRebuildIdentically<InviteLink>(typeof(InviteLink));
    [Fact] public Task invite_link_views() => App.ShouldRebuildIdentically<InviteLinkView>(typeof(InviteLinkViewProjection));
    [Fact] public Task invite_link_uses() => App.ShouldRebuildIdentically<InviteLinkUse>(typeof(InviteLinkUseProjection));
}
