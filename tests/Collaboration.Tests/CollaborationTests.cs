using Holded.Partners.Collaboration.Collaborations;
using Holded.Partners.Kernel;
using Microsoft.Extensions.DependencyInjection;
using Agreements = Holded.Partners.Contracts.Marketplace;
using Contract = Holded.Partners.Contracts.Collaboration;

namespace Holded.Partners.Collaboration.Tests;

public class CollaborationTests(PartnersApp app) : AppTest(app)
{
    [Fact]
    public async Task an_accepted_request_starts_a_collaboration_both_sides_see()
    {
        var (collaboration, partner, firmAdmin, business, owner) = await Api.Collaborating();
        var row = (await Api.GetAs<Page<ClientRow>>($"/api/v1/partners/{partner}/clients", firmAdmin)).Items[0].Collaboration;
        row.Id.ShouldBe(collaboration);
        row.ClientName.ShouldBe("Panadería Sol SL");
        row.Status.ShouldBe("active");
        var mine = await Api.GetAs<Page<CollaborationView>>($"/api/v1/clients/{business}/collaborations", owner);
        mine.Items[0].PartnerName.ShouldBe("Gestoría López");
        (await Api.GetAs<CollaborationView>($"/api/v1/collaborations/{collaboration}", owner)).Id.ShouldBe(collaboration);
    }

    [Fact]
    public async Task a_duplicated_agreement_starts_one_collaboration()
    {
        var firmAdmin = Actor.Person();
        var partner = await Api.PublishedPartner(firmAdmin);
        var owner = Actor.Person();
        var business = await Api.RegisterBusiness(owner);
        var conversation = await Api.OpenConversation(owner, business, partner);
        await Api.RequestCollaboration(owner, conversation);
        var messages = await Api.Messages(() => Api.Post($"/api/v1/conversations/{conversation}/collaboration-request/accept", firmAdmin, new { confirm = true }));
        var agreed = messages.OfType<Agreements.CollaborationAgreed>().ShouldHaveSingleItem();

        var bus = Wolverine.HostBuilderExtensions.MessageBus(App.Host);
        await Api.Settled(() => Task.WhenAll(bus.PublishAsync(agreed).AsTask(), bus.PublishAsync(agreed).AsTask(), bus.PublishAsync(agreed).AsTask()));
        (await Api.GetAs<Page<ClientRow>>($"/api/v1/partners/{partner}/clients", firmAdmin)).Total.ShouldBe(1);
        (await App.EventCountAsync("collaboration.collaboration_started")).ShouldBe(1);
    }

    [Fact]
    public async Task an_administrator_assigns_managers_who_then_reach_their_client_only()
    {
        var (collaboration, partner, firmAdmin, _, _) = await Api.Collaborating();
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        var luis = await Api.AddMember(partner, firmAdmin, "account_manager");
        (await Api.Get($"/api/v1/collaborations/{collaboration}", marta)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.GetAs<Page<ClientRow>>($"/api/v1/partners/{partner}/clients", marta)).Total.ShouldBe(0);

        var set = (await Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId } }))
            .ShouldBe(HttpStatusCode.OK);
        set.As<CollaborationView>().Managers[0].UserId.ShouldBe(marta.UserId);
        (await Api.Get($"/api/v1/collaborations/{collaboration}", marta)).ShouldBe(HttpStatusCode.OK);
        (await Api.GetAs<Page<ClientRow>>($"/api/v1/partners/{partner}/clients", marta)).Total.ShouldBe(1);
        (await Api.GetAs<Page<ClientRow>>($"/api/v1/partners/{partner}/clients", luis)).Total.ShouldBe(0);
        (await Api.Get($"/api/v1/partners/{partner}/clients?mine=false", luis)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.GetAs<Page<ClientRow>>($"/api/v1/partners/{partner}/clients", firmAdmin)).Total.ShouldBe(1);
        (await Api.GetAs<Page<ClientRow>>($"/api/v1/partners/{partner}/clients?mine=true", firmAdmin)).Total.ShouldBe(0);

        // Replacing the set: Marta out, Luis in.
        (await Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { luis.UserId } })).ShouldBe(HttpStatusCode.OK);
        (await Api.Get($"/api/v1/collaborations/{collaboration}", marta)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/collaborations/{collaboration}", luis)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task managers_must_be_current_members_of_the_firm()
    {
        var (collaboration, partner, firmAdmin, _, owner) = await Api.Collaborating();
        var before = await App.EventCountAsync();
        (await Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { owner.UserId, "nobody" } }))
            .ShouldRefuse("not_a_firm_member");
        (await Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { "a", "a" } })).ShouldBeInvalid("userIds");
        (await Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { })).ShouldBeInvalid("userIds");
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task a_member_removed_from_the_firm_is_unassigned_everywhere()
    {
        var (first, partner, firmAdmin, _, _) = await Api.Collaborating();
        var owner2 = Actor.Person();
        var business2 = await Api.RegisterBusiness(owner2);
        var conversation = await Api.OpenConversation(owner2, business2, partner);
        await Api.RequestCollaboration(owner2, conversation);
        var second = await Api.AcceptRequest(firmAdmin, conversation);
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        foreach (var c in new[] { first, second })
            (await Api.Put($"/api/v1/collaborations/{c}/managers", firmAdmin, new { userIds = new[] { marta.UserId } })).ShouldBe(HttpStatusCode.OK);

        await Api.Settled(() => Api.Delete($"/api/v1/accounts/{partner}/members/{marta.UserId}", firmAdmin));
        foreach (var c in new[] { first, second })
            (await Api.GetAs<CollaborationView>($"/api/v1/collaborations/{c}", firmAdmin)).Managers.ShouldBeEmpty();
        (await Api.Get($"/api/v1/partners/{partner}/clients", marta)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task either_side_ends_it_with_a_reason_and_confirmation_and_it_stays_ended()
    {
        var (collaboration, partner, firmAdmin, business, owner) = await Api.Collaborating();
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        await Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId } });

        (await Api.Post($"/api/v1/collaborations/{collaboration}/end", owner, new { reason = "Cambiamos de gestoría." })).ShouldBeInvalid("confirm");
        (await Api.Post($"/api/v1/collaborations/{collaboration}/end", owner, new { confirm = true })).ShouldBeInvalid("reason");
        var ended = await Api.Settled(async () => (await Api.Post($"/api/v1/collaborations/{collaboration}/end", owner,
            new { reason = "Cambiamos de gestoría.", confirm = true })).ShouldBe(HttpStatusCode.OK));
        ended.As<CollaborationView>().Status.ShouldBe("ended");
        var view = await Api.GetAs<CollaborationView>($"/api/v1/collaborations/{collaboration}", firmAdmin);
        view.Ended.ShouldNotBeNull().Side.ShouldBe("client");
        view.Managers.ShouldBeEmpty();

        (await Api.Post($"/api/v1/collaborations/{collaboration}/end", firmAdmin, new { reason = "otra vez", confirm = true })).ShouldBeProblem(HttpStatusCode.Conflict);
        (await Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId } })).ShouldBeProblem(HttpStatusCode.Conflict);
        (await Api.GetAs<Page<ClientRow>>($"/api/v1/partners/{partner}/clients?status=ended", firmAdmin)).Total.ShouldBe(1);

        // Ended is final, but the pair may start anew.
        var conversation = await Api.OpenConversation(owner, business, partner);
        await Api.RequestCollaboration(owner, conversation);
        var renewed = await Api.AcceptRequest(firmAdmin, conversation);
        renewed.ShouldNotBe(collaboration);
    }

    [Fact]
    public async Task the_firm_administrator_may_end_it_too()
    {
        var (collaboration, _, firmAdmin, _, _) = await Api.Collaborating();
        var ended = await Api.Settled(async () => (await Api.Post($"/api/v1/collaborations/{collaboration}/end", firmAdmin,
            new { reason = "Impagos.", confirm = true })).ShouldBe(HttpStatusCode.OK));
        ended.As<CollaborationView>().Ended.ShouldNotBeNull().Side.ShouldBe("partner");
    }

    [Fact]
    public async Task who_is_refused()
    {
        var (collaboration, partner, firmAdmin, business, owner) = await Api.Collaborating();
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        await Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId } });
        var stranger = Actor.Person();
        var otherFirmAdmin = Actor.Person();
        await Api.PublishedPartner(otherFirmAdmin);

        (await Api.Put($"/api/v1/collaborations/{collaboration}/managers", marta, new { userIds = Array.Empty<string>() })).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Put($"/api/v1/collaborations/{collaboration}/managers", owner, new { userIds = Array.Empty<string>() })).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post($"/api/v1/collaborations/{collaboration}/end", marta, new { reason = "no más", confirm = true })).ShouldBeProblem(HttpStatusCode.Forbidden);
        foreach (var outsider in new[] { stranger, otherFirmAdmin })
        {
            (await Api.Get($"/api/v1/collaborations/{collaboration}", outsider)).ShouldBeProblem(HttpStatusCode.NotFound);
            (await Api.Put($"/api/v1/collaborations/{collaboration}/managers", outsider, new { userIds = Array.Empty<string>() })).ShouldBeProblem(HttpStatusCode.NotFound);
            (await Api.Post($"/api/v1/collaborations/{collaboration}/end", outsider, new { reason = "fin", confirm = true })).ShouldBeProblem(HttpStatusCode.NotFound);
            (await Api.Get($"/api/v1/partners/{partner}/clients", outsider)).ShouldBeProblem(HttpStatusCode.NotFound);
            (await Api.Get($"/api/v1/clients/{business}/collaborations", outsider)).ShouldBeProblem(HttpStatusCode.NotFound);
        }
        (await Api.Get($"/api/v1/collaborations/{collaboration}", null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Get($"/api/v1/partners/{partner}/clients?status=lost", firmAdmin)).ShouldBeInvalid("status");
    }

    [Fact]
    public async Task two_ends_at_once_end_it_once()
    {
        var (collaboration, _, firmAdmin, _, owner) = await Api.Collaborating();
        var replies = await Api.Settled(() => Task.WhenAll(
            Api.Post($"/api/v1/collaborations/{collaboration}/end", owner, new { reason = "Por cliente.", confirm = true }),
            Api.Post($"/api/v1/collaborations/{collaboration}/end", firmAdmin, new { reason = "Por firma.", confirm = true })));
        replies.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1);
        replies.Single(r => r.Status != HttpStatusCode.OK).ShouldBeProblem(HttpStatusCode.Conflict);
        var won = replies.Single(r => r.Status == HttpStatusCode.OK);
        System.Text.Json.Nodes.JsonNode.DeepEquals(won.Json, (await Api.Get($"/api/v1/collaborations/{collaboration}", owner)).Json).ShouldBeTrue(won.Body);
        (await App.EventCountAsync("collaboration.collaboration_ended")).ShouldBe(1);
    }
}

/// <summary>Each write answers what it committed: the collaboration as the next read finds it, timestamps included.</summary>
public class CollaborationAnswerTests(PartnersApp app) : AppTest(app)
{
    private static void ShouldBeTheSame(Reply written, Reply read) =>
        System.Text.Json.Nodes.JsonNode.DeepEquals(written.Json, read.Json).ShouldBeTrue($"written: {written.Body}\nread:    {read.Body}");

    [Fact]
    public async Task setting_managers_answers_the_collaboration_the_next_read_finds()
    {
        var (collaboration, partner, firmAdmin, _, _) = await Api.Collaborating();
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        var luis = await Api.AddMember(partner, firmAdmin, "account_manager");
        var set = (await Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId, luis.UserId } }))
            .ShouldBe(HttpStatusCode.OK);
        ShouldBeTheSame(set, await Api.Get($"/api/v1/collaborations/{collaboration}", firmAdmin));

        // Luis stays, Marta goes, the owner's firm admin comes: the order the stored view keeps.
        var reset = (await Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { firmAdmin.UserId, luis.UserId } }))
            .ShouldBe(HttpStatusCode.OK);
        reset.As<CollaborationView>().Managers.Select(m => m.UserId).ShouldBe([luis.UserId, firmAdmin.UserId]);
        ShouldBeTheSame(reset, await Api.Get($"/api/v1/collaborations/{collaboration}", firmAdmin));

        // Saying the same again writes nothing and answers the same.
        var before = await App.EventCountAsync();
        ShouldBeTheSame((await Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { luis.UserId, firmAdmin.UserId } }))
            .ShouldBe(HttpStatusCode.OK), reset);
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ending_answers_the_collaboration_the_next_read_finds_with_the_events_time()
    {
        var (collaboration, partner, firmAdmin, _, owner) = await Api.Collaborating();
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        (await Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId } })).ShouldBe(HttpStatusCode.OK);
        var ended = await Api.Settled(async () => (await Api.Post($"/api/v1/collaborations/{collaboration}/end", owner,
            new { reason = "Cambiamos de gestoría.", confirm = true })).ShouldBe(HttpStatusCode.OK));
        ended.As<CollaborationView>().Status.ShouldBe("ended");
        ended.As<CollaborationView>().Managers.ShouldBeEmpty();
        ShouldBeTheSame(ended, await Api.Get($"/api/v1/collaborations/{collaboration}", owner));
        var row = (await Api.Get($"/api/v1/partners/{partner}/clients?status=ended", firmAdmin))["items"].AsArray().ShouldHaveSingleItem()!["collaboration"]!.AsObject();
        foreach (var (field, value) in ended.Json!.AsObject())
            System.Text.Json.Nodes.JsonNode.DeepEquals(row[field], value).ShouldBeTrue($"the clients table's {field}: {row[field]}, not {value}");
    }

    [Fact]
    public async Task ending_while_managers_are_set_conflicts_or_succeeds_cleanly()
    {
        for (var round = 0; round < 3; round++)
        {
            var (collaboration, partner, firmAdmin, _, owner) = await Api.Collaborating();
            var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
            var replies = await Api.Settled(() => Task.WhenAll(
                Api.Post($"/api/v1/collaborations/{collaboration}/end", owner, new { reason = "Por cliente.", confirm = true }),
                Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId } })));
            replies.ShouldAllBe(r => r.Status == HttpStatusCode.OK || r.Status == HttpStatusCode.Conflict);
            foreach (var refused in replies.Where(r => r.Status == HttpStatusCode.Conflict)) refused.ShouldBeProblem(HttpStatusCode.Conflict);
            var view = await Api.GetAs<CollaborationView>($"/api/v1/collaborations/{collaboration}", owner);
            if (replies[0].Status == HttpStatusCode.OK)
            {
                view.Status.ShouldBe("ended");
                view.Managers.ShouldBeEmpty(); // whoever was assigned first is unassigned by the end
            }
            else view.Status.ShouldBe("active");
        }
    }
}

/// <summary>A rule read from another document conflicts with a change of that document committed meanwhile.</summary>
public class SetManagersConflictTests(PartnersApp app) : AppTest(app)
{
    [Fact]
    public async Task a_change_of_the_firm_committed_while_managers_are_set_makes_the_set_conflict()
    {
        var (collaboration, partner, firmAdmin, _, _) = await Api.Collaborating();
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");

        // Another transaction changes the firm's copy (as a removal of Marta would) and holds it until the set has read
        // the firm as it was and waits to store it back.
        await using var other = new Npgsql.NpgsqlConnection(App.ConnectionString);
        await other.OpenAsync();
        await using var changing = await other.BeginTransactionAsync();
        await using (var touch = new Npgsql.NpgsqlCommand("update collaboration.mt_doc_collaborationaccount set mt_version = gen_random_uuid() where id = @id", other, changing))
        {
            touch.Parameters.AddWithValue("id", partner);
            (await touch.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        var set = Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId } });
        await UntilABackendWaitsOnALock(set);
        await changing.CommitAsync();

        // The house 409, whoever detected the conflict: no type name, no id.
        (await set).ShouldBeProblem(HttpStatusCode.Conflict)["detail"].GetValue<string>().ShouldBe("Someone else changed this at the same time. Read it again and retry.");
        (await App.EventCountAsync("collaboration.manager_assigned")).ShouldBe(0);
        (await Api.GetAs<CollaborationView>($"/api/v1/collaborations/{collaboration}", firmAdmin)).Managers.ShouldBeEmpty();
    }

    private async Task UntilABackendWaitsOnALock(Task request)
    {
        (await Eventually.BackendsWaitOnALockAsync(App.ConnectionString, 1, TimeSpan.FromSeconds(30)))
            .ShouldBeTrue("the set never waited to store the firm's copy back");
        request.IsCompleted.ShouldBeFalse("the set finished without waiting for the firm's copy");
    }
}

/// <summary>Late, repeated and concurrent messages between modules; refusals the first pass missed.</summary>
public class CollaborationMessagingTests(PartnersApp app) : AppTest(app)
{
    private Wolverine.IMessageBus Bus => Wolverine.HostBuilderExtensions.MessageBus(App.Host);

    [Fact]
    public async Task a_late_end_of_an_earlier_collaboration_does_not_free_the_pair()
    {
        var (first, partner, firmAdmin, business, owner) = await Api.Collaborating();
        var messages = await Api.Messages(() => Api.Post($"/api/v1/collaborations/{first}/end", owner, new { reason = "Fin.", confirm = true }));
        var ended = messages.OfType<Contract.CollaborationEnded>().ShouldHaveSingleItem();
        var conversation = await Api.OpenConversation(owner, business, partner);
        await Api.RequestCollaboration(owner, conversation);
        await Api.AcceptRequest(firmAdmin, conversation);

        await Api.Settled(() => Bus.PublishAsync(ended).AsTask());
        var another = await Api.OpenConversation(owner, business, partner, "¿Otra?");
        (await Api.Post($"/api/v1/conversations/{another}/collaboration-request", owner)).ShouldRefuse("already_collaborating");
    }

    [Fact]
    public async Task a_late_removal_of_someone_who_rejoined_changes_nothing()
    {
        var (collaboration, partner, firmAdmin, _, _) = await Api.Collaborating();
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        var messages = await Api.Messages(() => Api.Delete($"/api/v1/accounts/{partner}/members/{marta.UserId}", firmAdmin));
        var removed = messages.OfType<Holded.Partners.Contracts.Onboarding.MemberRemoved>().ShouldHaveSingleItem();
        var invitation = (await Api.Post($"/api/v1/accounts/{partner}/invitations", firmAdmin, new { email = marta.Email, role = "account_manager" })).Id;
        await Api.Settled(() => Api.Post($"/api/v1/invitations/{invitation}/accept", marta));
        (await Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId } })).ShouldBe(HttpStatusCode.OK);

        await Api.Settled(() => Bus.PublishAsync(removed).AsTask());
        (await Api.Get($"/api/v1/collaborations/{collaboration}", marta)).ShouldBe(HttpStatusCode.OK);
        (await Api.GetAs<CollaborationView>($"/api/v1/collaborations/{collaboration}", firmAdmin)).Managers.Count.ShouldBe(1);
    }

    [Fact]
    public async Task unassigning_is_announced_on_removal_and_on_end()
    {
        var (collaboration, partner, firmAdmin, _, owner) = await Api.Collaborating();
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        var luis = await Api.AddMember(partner, firmAdmin, "account_manager");
        (await Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId, luis.UserId } })).ShouldBe(HttpStatusCode.OK);
        var onRemoval = await Api.Messages(() => Api.Delete($"/api/v1/accounts/{partner}/members/{marta.UserId}", firmAdmin));
        onRemoval.OfType<Contract.ManagerUnassigned>().ShouldHaveSingleItem().Reason.ShouldBe("member_removed");
        var onEnd = await Api.Messages(() => Api.Post($"/api/v1/collaborations/{collaboration}/end", owner, new { reason = "Fin.", confirm = true }));
        var unassigned = onEnd.OfType<Contract.ManagerUnassigned>().ShouldHaveSingleItem();
        unassigned.UserId.ShouldBe(luis.UserId);
        unassigned.Reason.ShouldBe("collaboration_ended");
    }

    [Fact]
    public async Task an_unassigned_account_manager_and_the_client_learn_nothing_of_the_firms_side()
    {
        var (collaboration, partner, firmAdmin, _, owner) = await Api.Collaborating();
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        (await Api.Put($"/api/v1/collaborations/{collaboration}/managers", marta, new { userIds = new[] { marta.UserId } })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Post($"/api/v1/collaborations/{collaboration}/end", marta, new { reason = "fin", confirm = true })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/partners/{partner}/clients", owner)).ShouldBeProblem(HttpStatusCode.NotFound);
    }
}
