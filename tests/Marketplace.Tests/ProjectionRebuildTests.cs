using Holded.Partners.Marketplace.Conversations;
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
    }

    [Fact] public Task conversations() => App.ShouldRebuildIdentically<Conversation>(typeof(Conversation));
    [Fact]
    public async Task conversation_responses()
    {
        await App.ProjectionsCaughtUpAsync(); // async: the live read model first has to be complete
        await App.ShouldRebuildIdentically<ConversationResponse>(typeof(ConversationResponseProjection));
    }

    [Fact] public Task conversation_views() => App.ShouldRebuildIdentically<ConversationView>(typeof(ConversationViewProjection));
}
