using Holded.Partners.Kernel;
using Holded.Partners.Marketplace.Conversations;
using CollaborationView = Holded.Partners.Collaboration.Collaborations.CollaborationView;

namespace Holded.Partners.Marketplace.Tests.Conversations;

public class ConversationTests(PartnersApp app) : AppTest(app)
{
    private async Task<(Guid Partner, Actor FirmAdmin, Guid Business, Actor Owner)> Parties()
    {
        var firmAdmin = Actor.Person("Firm Admin");
        var partner = await Api.PublishedPartner(firmAdmin);
        var owner = Actor.Person("Owner");
        var business = await Api.RegisterBusiness(owner);
        return (partner, firmAdmin, business, owner);
    }

    [Fact]
    public async Task a_business_opens_a_conversation_and_both_sides_write()
    {
        var (partner, firmAdmin, business, owner) = await Parties();
        var opened = (await Api.Post("/api/v1/conversations", owner, new { clientAccountId = business, partnerAccountId = partner, message = "Hola" }))
            .ShouldBe(HttpStatusCode.Created);
        opened.Headers.Location!.ToString().ShouldBe($"/api/v1/conversations/{opened.Id}");
        (await Api.Post($"/api/v1/conversations/{opened.Id}/messages", firmAdmin, new { text = "Encantados, ¿qué necesitan?" })).ShouldBe(HttpStatusCode.Created);
        var manager = await Api.AddMember(partner, firmAdmin, "account_manager");
        (await Api.Post($"/api/v1/conversations/{opened.Id}/messages", manager, new { text = "Les escribo yo." })).ShouldBe(HttpStatusCode.Created);

        var view = await Api.GetAs<ConversationDetail>($"/api/v1/conversations/{opened.Id}", owner);
        view.Messages.Select(m => m.Side).ShouldBe(["client", "partner", "partner"]);
        view.Conversation.PartnerName.ShouldBe("Gestoría López");

        (await Api.GetAs<Page<ConversationSummary>>($"/api/v1/conversations?accountId={partner}", firmAdmin)).Total.ShouldBe(1);
        (await Api.GetAs<Page<ConversationSummary>>($"/api/v1/conversations?accountId={business}", owner)).Items[0].MessageCount.ShouldBe(3);
    }

    [Fact]
    public async Task messages_written_at_once_all_land()
    {
        var (partner, firmAdmin, business, owner) = await Parties();
        var id = await Api.OpenConversation(owner, business, partner);
        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Api.Post($"/api/v1/conversations/{id}/messages", i % 2 == 0 ? owner : firmAdmin, new { text = $"mensaje {i}" })));
        replies.ShouldAllBe(r => r.Status == HttpStatusCode.Created);
        (await Api.GetAs<ConversationDetail>($"/api/v1/conversations/{id}", owner)).Conversation.MessageCount.ShouldBe(7);
    }

    [Fact]
    public async Task only_participants_read_or_write_and_everyone_else_gets_404()
    {
        var (partner, firmAdmin, business, owner) = await Parties();
        var id = await Api.OpenConversation(owner, business, partner);
        var stranger = Actor.Person();
        var otherFirmAdmin = Actor.Person();
        await Api.PublishedPartner(otherFirmAdmin);
        foreach (var outsider in new[] { stranger, otherFirmAdmin, Actor.Reviewer() })
        {
            (await Api.Get($"/api/v1/conversations/{id}", outsider)).ShouldBeProblem(HttpStatusCode.NotFound);
            (await Api.Post($"/api/v1/conversations/{id}/messages", outsider, new { text = "hola" })).ShouldBeProblem(HttpStatusCode.NotFound);
        }
        (await Api.Get($"/api/v1/conversations?accountId={business}", stranger)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/conversations/{id}", null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Get($"/api/v1/conversations/{Guid.NewGuid()}", owner)).ShouldBeProblem(HttpStatusCode.NotFound);

        var manager = await Api.AddMember(partner, firmAdmin, "account_manager");
        await Api.Settled(() => Api.Delete($"/api/v1/accounts/{partner}/members/{manager.UserId}", firmAdmin));
        (await Api.Get($"/api/v1/conversations/{id}", manager)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_conversation_is_opened_by_a_business_with_a_listed_firm()
    {
        var (partner, firmAdmin, business, owner) = await Parties();
        var unlisted = await Api.RegisterPartner(Actor.Person());
        (await Api.Post("/api/v1/conversations", owner, new { clientAccountId = business, partnerAccountId = unlisted, message = "Hola" }))
            .ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Post("/api/v1/conversations", firmAdmin, new { clientAccountId = partner, partnerAccountId = partner, message = "Hola" }))
            .ShouldRefuse("not_a_business_account");
        (await Api.Post("/api/v1/conversations", Actor.Person(), new { clientAccountId = business, partnerAccountId = partner, message = "Hola" }))
            .ShouldBeProblem(HttpStatusCode.NotFound);
        var before = await App.EventCountAsync();
        (await Api.Post("/api/v1/conversations", owner, new { clientAccountId = business, partnerAccountId = partner, message = "" }))
            .ShouldBeInvalid("message");
        (await Api.Post("/api/v1/conversations", owner, new { message = "hola" })).ShouldBeInvalid("clientAccountId", "partnerAccountId");
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task the_firm_sees_requests_and_an_administrator_accepts_with_confirmation()
    {
        var (partner, firmAdmin, business, owner) = await Parties();
        var id = await Api.OpenConversation(owner, business, partner);
        await Api.RequestCollaboration(owner, id);
        var requests = await Api.GetAs<Page<ConversationSummary>>($"/api/v1/conversations?accountId={partner}&status=requested", firmAdmin);
        requests.Items[0].Id.ShouldBe(id);

        (await Api.Post($"/api/v1/conversations/{id}/collaboration-request/accept", firmAdmin, new { confirm = false })).ShouldBeInvalid("confirm");
        (await Api.Post($"/api/v1/conversations/{id}/collaboration-request/accept", firmAdmin)).ShouldBeProblem(HttpStatusCode.BadRequest);
        var collaboration = await Api.AcceptRequest(firmAdmin, id);
        (await Api.GetAs<CollaborationView>($"/api/v1/collaborations/{collaboration}", owner)).Status.ShouldBe("active");
        (await Api.Post($"/api/v1/conversations/{id}/collaboration-request/accept", firmAdmin, new { confirm = true })).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task one_open_request_per_pair_and_none_while_collaborating()
    {
        var (partner, firmAdmin, business, owner) = await Parties();
        var first = await Api.OpenConversation(owner, business, partner);
        var second = await Api.OpenConversation(owner, business, partner, "Otra consulta");
        await Api.RequestCollaboration(owner, first);
        (await Api.Post($"/api/v1/conversations/{second}/collaboration-request", owner)).ShouldRefuse("collaboration_request_already_open");
        await Api.AcceptRequest(firmAdmin, first);
        (await Api.Post($"/api/v1/conversations/{second}/collaboration-request", owner)).ShouldRefuse("already_collaborating");
    }

    /// <summary>The conversation as the GET answers it, without the page of messages and the collaboration it adds.</summary>
    private async Task<string> ViewRead(Guid id, Actor who)
    {
        // The detail is the view with a page of messages beside it: the view alone is what a decision answers.
        var detail = (await Api.Get($"/api/v1/conversations/{id}", who)).ShouldBe(HttpStatusCode.OK).Json!.AsObject();
        detail.Select(p => p.Key).ShouldBe(["conversation", "messages", "olderBefore", "collaborationId"]);
        return detail["conversation"]!.ToJsonString();
    }

    [Fact]
    public async Task each_decision_answers_what_was_committed_as_the_next_read_shows_it()
    {
        var (partner, firmAdmin, business, owner) = await Parties();
        var id = await Api.OpenConversation(owner, business, partner);
        var requested = (await Api.Post($"/api/v1/conversations/{id}/collaboration-request", owner, new { message = "¿Trabajamos juntos?" }))
            .ShouldBe(HttpStatusCode.OK);
        requested.As<ConversationView>().RequestStatus.ShouldBe("requested");
        requested.As<ConversationView>().RequestedAt.ShouldBe(requested.As<ConversationView>().LastActivityAt);
        requested.Json!.ToJsonString().ShouldBe(await ViewRead(id, owner)); // the request's own time, not the clock's

        var declined = (await Api.Post($"/api/v1/conversations/{id}/collaboration-request/decline", firmAdmin, new { reason = "Ahora no podemos." }))
            .ShouldBe(HttpStatusCode.OK);
        declined.Json!.ToJsonString().ShouldBe(await ViewRead(id, owner));

        (await Api.Post($"/api/v1/conversations/{id}/collaboration-request", owner)).ShouldBe(HttpStatusCode.OK);
        var accepted = await Api.Settled(() => Api.Post($"/api/v1/conversations/{id}/collaboration-request/accept", firmAdmin, new { confirm = true }));
        accepted.ShouldBe(HttpStatusCode.OK);
        accepted.As<ConversationView>().RequestStatus.ShouldBe("accepted");
        accepted.Json!.ToJsonString().ShouldBe(await ViewRead(id, owner));
    }

    [Fact]
    public async Task two_requests_in_one_conversation_at_once_open_one()
    {
        var (partner, _, business, owner) = await Parties();
        var id = await Api.OpenConversation(owner, business, partner);
        var replies = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Api.Post($"/api/v1/conversations/{id}/collaboration-request", owner)));
        replies.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1);
        replies.Where(r => r.Status != HttpStatusCode.OK).ShouldAllBe(r => r.Status == HttpStatusCode.Conflict || r.Status == HttpStatusCode.UnprocessableEntity);
        var requested = await Api.GetAs<ConversationDetail>($"/api/v1/conversations/{id}", owner);
        requested.Conversation.RequestStatus.ShouldBe("requested");
    }

    [Fact]
    public async Task two_requests_for_one_pair_at_once_open_one()
    {
        var (partner, _, business, owner) = await Parties();
        var first = await Api.OpenConversation(owner, business, partner);
        var second = await Api.OpenConversation(owner, business, partner, "Otra");
        var replies = await Task.WhenAll(
            Api.Post($"/api/v1/conversations/{first}/collaboration-request", owner),
            Api.Post($"/api/v1/conversations/{second}/collaboration-request", owner));
        replies.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1);
        replies.Single(r => r.Status != HttpStatusCode.OK).Status.ShouldBeOneOf(HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task a_declined_request_carries_its_reason_and_the_client_may_ask_again()
    {
        var (partner, firmAdmin, business, owner) = await Parties();
        var id = await Api.OpenConversation(owner, business, partner);
        await Api.RequestCollaboration(owner, id);
        (await Api.Post($"/api/v1/conversations/{id}/collaboration-request/decline", firmAdmin, new { reason = "" })).ShouldBeInvalid("reason");
        var declined = (await Api.Post($"/api/v1/conversations/{id}/collaboration-request/decline", firmAdmin, new { reason = "Sin capacidad este trimestre." }))
            .ShouldBe(HttpStatusCode.OK);
        declined.As<ConversationView>().RequestStatus.ShouldBe("declined");
        (await Api.GetAs<ConversationDetail>($"/api/v1/conversations/{id}", owner)).Conversation.DeclineReason.ShouldBe("Sin capacidad este trimestre.");
        await Api.RequestCollaboration(owner, id);
    }

    [Fact]
    public async Task who_may_request_accept_and_decline()
    {
        var (partner, firmAdmin, business, owner) = await Parties();
        var id = await Api.OpenConversation(owner, business, partner);
        (await Api.Post($"/api/v1/conversations/{id}/collaboration-request", firmAdmin)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post($"/api/v1/conversations/{id}/collaboration-request", Actor.Person())).ShouldBeProblem(HttpStatusCode.NotFound);
        await Api.RequestCollaboration(owner, id);
        var manager = await Api.AddMember(partner, firmAdmin, "account_manager");
        (await Api.Post($"/api/v1/conversations/{id}/collaboration-request/accept", manager, new { confirm = true })).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post($"/api/v1/conversations/{id}/collaboration-request/accept", owner, new { confirm = true })).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post($"/api/v1/conversations/{id}/collaboration-request/decline", owner, new { reason = "no" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post($"/api/v1/conversations/{id}/collaboration-request/accept", Actor.Person(), new { confirm = true })).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task an_accept_and_a_decline_at_once_decide_once()
    {
        var (partner, firmAdmin, business, owner) = await Parties();
        var id = await Api.OpenConversation(owner, business, partner);
        await Api.RequestCollaboration(owner, id);
        var second = await Api.AddMember(partner, firmAdmin, "administrator");
        var replies = await Api.Settled(() => Task.WhenAll(
            Api.Post($"/api/v1/conversations/{id}/collaboration-request/accept", firmAdmin, new { confirm = true }),
            Api.Post($"/api/v1/conversations/{id}/collaboration-request/decline", second, new { reason = "Mejor no." })));
        replies.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1);
        replies.Single(r => r.Status != HttpStatusCode.OK).Status.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task a_long_conversation_is_read_a_page_at_a_time_newest_first()
    {
        var (partner, firmAdmin, business, owner) = await Parties();
        var id = await Api.OpenConversation(owner, business, partner, "mensaje 0");
        for (var i = 1; i < 55; i++)
            (await Api.Post($"/api/v1/conversations/{id}/messages", i % 2 == 0 ? owner : firmAdmin, new { text = $"mensaje {i}" })).ShouldBe(HttpStatusCode.Created);

        var latest = await Api.GetAs<ConversationDetail>($"/api/v1/conversations/{id}", owner);
        latest.Conversation.MessageCount.ShouldBe(55);
        var texts = latest.Messages.Select(m => m.Text).ToArray();
        texts.Length.ShouldBe(50);
        texts[0].ShouldBe("mensaje 5");
        texts[^1].ShouldBe("mensaje 54");
        var older = latest.OlderBefore.ShouldNotBeNull();
        var first = await Api.GetAs<ConversationDetail>($"/api/v1/conversations/{id}?before={older}", owner);
        first.Messages.Select(m => m.Text).ShouldBe(["mensaje 0", "mensaje 1", "mensaje 2", "mensaje 3", "mensaje 4"]);
        first.OlderBefore.ShouldBeNull();
        (await Api.GetAs<ConversationDetail>($"/api/v1/conversations/{id}?limit=2", owner)).Messages.Count.ShouldBe(2);
        (await Api.Get($"/api/v1/conversations/{id}?limit=1000", owner)).ShouldBeInvalid("limit");
        (await Api.Get($"/api/v1/conversations/{id}?before=0", owner)).ShouldBeInvalid("before");
    }

    [Fact]
    public async Task once_a_collaboration_comes_of_a_conversation_only_its_managers_and_the_administrators_take_part()
    {
        var (partner, firmAdmin, _, owner) = await Parties();
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        var luis = await Api.AddMember(partner, firmAdmin, "account_manager");
        var (_, prospect) = await Api.RequestedCollaboration(Actor.Person("Prospect"), partner);
        var (_, conversation) = await Api.RequestedCollaboration(owner, partner);
        // Before a collaboration, a prospect is the whole team's.
        (await Api.Get($"/api/v1/conversations/{conversation}", luis)).ShouldBe(HttpStatusCode.OK);

        var collaboration = await Api.AcceptRequest(firmAdmin, conversation);
        (await Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId } })).ShouldBe(HttpStatusCode.OK);

        (await Api.Get($"/api/v1/conversations/{conversation}", marta)).ShouldBe(HttpStatusCode.OK);
        (await Api.Post($"/api/v1/conversations/{conversation}/messages", marta, new { text = "Soy su gestora." })).ShouldBe(HttpStatusCode.Created);
        (await Api.Get($"/api/v1/conversations/{conversation}", firmAdmin)).ShouldBe(HttpStatusCode.OK);
        (await Api.Get($"/api/v1/conversations/{conversation}", luis)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Post($"/api/v1/conversations/{conversation}/messages", luis, new { text = "¿Y yo?" })).ShouldBeProblem(HttpStatusCode.NotFound);

        async Task<Guid[]> Listed(Actor who) => (await Api.GetAs<Page<ConversationSummary>>($"/api/v1/conversations?accountId={partner}", who))
            .Items.Select(c => c.Id).ToArray();
        (await Listed(luis)).ShouldBe([prospect]);
        (await Listed(marta)).OrderBy(x => x).ShouldBe(new[] { prospect, conversation }.OrderBy(x => x));
        (await Listed(firmAdmin)).Length.ShouldBe(2);

        // Unassigned, she takes no part any more.
        (await Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = Array.Empty<string>() })).ShouldBe(HttpStatusCode.OK);
        (await Api.Get($"/api/v1/conversations/{conversation}", marta)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/conversations/{conversation}", owner)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task the_conversation_names_the_collaboration_that_came_of_it_for_both_sides()
    {
        var (partner, firmAdmin, business, owner) = await Parties();
        var id = await Api.OpenConversation(owner, business, partner);
        (await Api.GetAs<ConversationDetail>($"/api/v1/conversations/{id}", owner)).CollaborationId.ShouldBeNull();
        await Api.RequestCollaboration(owner, id);
        var collaboration = await Api.AcceptRequest(firmAdmin, id);
        (await Api.GetAs<ConversationDetail>($"/api/v1/conversations/{id}", owner)).CollaborationId.ShouldBe(collaboration);
        (await Api.GetAs<ConversationDetail>($"/api/v1/conversations/{id}", firmAdmin)).CollaborationId.ShouldBe(collaboration);

        await Api.Settled(async () => (await Api.Post($"/api/v1/collaborations/{collaboration}/end", owner, new { reason = "Cerramos.", confirm = true }))
            .ShouldBe(HttpStatusCode.OK));
        (await Api.GetAs<ConversationDetail>($"/api/v1/conversations/{id}", owner)).CollaborationId.ShouldBe(collaboration); // the one that ended
    }
}
