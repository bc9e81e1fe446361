using Holded.Partners.Access.Grants;
using Contract = Holded.Partners.Contracts.Access;

namespace Holded.Partners.Access.Tests;

/// <summary>Issue 16, capability 5 in bulk: the firm asks for all its soon-expiring grants at once; the client approves one firm's at once.</summary>
public class BulkExtensionTests(PartnersApp app) : AppTest(app)
{
    private static string Grant(Guid collaboration) => $"/api/v1/collaborations/{collaboration}/access-grant";

    /// <summary>One firm with two clients' grants expiring in 10 and 20 days, a third in 200, a fourth without expiry.</summary>
    private async Task<(Guid Partner, Actor FirmAdmin, Guid[] Collaborations, Actor[] Owners, Guid[] Businesses)> Firm()
    {
        var firmAdmin = Actor.Person("Firm Admin");
        var partner = await Api.PublishedPartner(firmAdmin);
        var collaborations = new List<Guid>();
        var owners = new List<Actor>();
        var businesses = new List<Guid>();
        foreach (var days in new int?[] { 10, 20, 200, null })
        {
            var owner = Actor.Person("Business Owner");
            var (business, conversation) = await Api.RequestedCollaboration(owner, partner);
            var collaboration = await Api.AcceptRequest(firmAdmin, conversation);
            DateTimeOffset? expires = days is { } d ? App.Clock.GetUtcNow().AddDays(d) : null;
            (await Api.Put(Grant(collaboration), owner, new { role = "accountant", expiresAt = expires })).ShouldBe(HttpStatusCode.OK);
            collaborations.Add(collaboration);
            owners.Add(owner);
            businesses.Add(business);
        }
        return (partner, firmAdmin, [.. collaborations], [.. owners], [.. businesses]);
    }

    [Fact]
    public async Task the_firm_lists_its_grants_expiring_within_n_days_and_asks_for_all_of_them_at_once()
    {
        var (partner, firmAdmin, collaborations, owners, _) = await Firm();
        var expiring = await Api.GetAs<ExpiringGrant[]>($"/api/v1/partners/{partner}/expiring-grants?withinDays=30", firmAdmin);
        expiring.Select(g => g.CollaborationId).ShouldBe([collaborations[0], collaborations[1]]);
        expiring[0].ClientName.ShouldNotBeNullOrWhiteSpace();
        (await Api.GetAs<ExpiringGrant[]>($"/api/v1/partners/{partner}/expiring-grants", firmAdmin)).Length.ShouldBe(2); // 30 days unless said
        (await Api.GetAs<ExpiringGrant[]>($"/api/v1/partners/{partner}/expiring-grants?withinDays=365", firmAdmin)).Length.ShouldBe(3);

        // One already asked for is left as it is.
        var now = App.Clock.GetUtcNow();
        await Api.Settled(() => Api.Post($"{Grant(collaborations[0])}/extension-requests", firmAdmin, new { expiresAt = now.AddDays(40) }));
        var sent = await Api.Messages(async () =>
        {
            var asked = (await Api.Post($"/api/v1/partners/{partner}/expiring-grants/extension-requests", firmAdmin, new { withinDays = 30, extendByDays = 180 }))
                .ShouldBe(HttpStatusCode.OK).As<ExtensionsRequested>();
            asked.Requested.Select(g => g.CollaborationId).ShouldBe([collaborations[1]]);
        });
        sent.OfType<Contract.AccessExtensionRequested>().Select(m => m.CollaborationId).Distinct().ShouldBe([collaborations[1]]);
        var waiting = (await Api.GetAs<GrantView>(Grant(collaborations[1]), owners[1])).PendingExtension.ShouldNotBeNull();
        waiting.ExpiresAt.ShouldBe(now.AddDays(200), TimeSpan.FromSeconds(5));
        (await Api.GetAs<ExpiringGrant[]>($"/api/v1/partners/{partner}/expiring-grants", firmAdmin)).ShouldAllBe(g => g.PendingExtension != null);
    }

    [Fact]
    public async Task the_client_approves_every_request_of_one_firm_at_once_each_its_own_event()
    {
        // Two firms ask one client: approving one firm's leaves the other's waiting.
        var owner = Actor.Person("Business Owner");
        var firmA = Actor.Person("Firm A");
        var firmB = Actor.Person("Firm B");
        var partnerA = await Api.PublishedPartner(firmA);
        var partnerB = await Api.PublishedPartner(firmB);
        var (business, toA) = await Api.RequestedCollaboration(owner, partnerA);
        var a = await Api.AcceptRequest(firmA, toA);
        var toB = await Api.OpenConversation(owner, business, partnerB);
        await Api.RequestCollaboration(owner, toB);
        var b = await Api.AcceptRequest(firmB, toB);
        var now = App.Clock.GetUtcNow();
        foreach (var (collaboration, firm) in new[] { (a, firmA), (b, firmB) })
        {
            await Api.Put(Grant(collaboration), owner, new { role = "accountant", expiresAt = now.AddDays(15) });
            (await Api.Post($"{Grant(collaboration)}/extension-requests", firm, new { expiresAt = now.AddDays(100) })).ShouldBe(HttpStatusCode.OK);
        }
        (await Api.GetAs<PendingExtensionView[]>($"/api/v1/clients/{business}/extension-requests", owner)).Length.ShouldBe(2);

        var before = await App.EventCountAsync("access.access_extended");
        var approved = (await Api.Post($"/api/v1/clients/{business}/extension-requests/approve", owner, new { partnerAccountId = partnerA }))
            .ShouldBe(HttpStatusCode.OK).As<ExtensionsApproved>();
        approved.Extended.ShouldHaveSingleItem().CollaborationId.ShouldBe(a);
        (await App.EventCountAsync("access.access_extended")).ShouldBe(before + 1);
        (await Api.GetAs<GrantView>(Grant(a), owner)).ExpiresAt.ShouldNotBeNull().ShouldBe(now.AddDays(100), TimeSpan.FromMilliseconds(1));
        (await Api.GetAs<PendingExtensionView[]>($"/api/v1/clients/{business}/extension-requests", owner)).ShouldHaveSingleItem().CollaborationId.ShouldBe(b);
        // Again: nothing left of that firm's.
        (await Api.Post($"/api/v1/clients/{business}/extension-requests/approve", owner, new { partnerAccountId = partnerA }))
            .ShouldBe(HttpStatusCode.OK).As<ExtensionsApproved>().Extended.ShouldBeEmpty();
    }

    [Fact]
    public async Task many_requests_of_one_firm_are_approved_beyond_gdaps_cap()
    {
        var (partner, firmAdmin, collaborations, owners, businesses) = await Firm();
        await Api.Post($"/api/v1/partners/{partner}/expiring-grants/extension-requests", firmAdmin, new { withinDays = 365, extendByDays = 30 });
        // Each of this firm's clients is its own account: each approves its own.
        for (var i = 0; i < 3; i++)
            (await Api.Post($"/api/v1/clients/{businesses[i]}/extension-requests/approve", owners[i], new { partnerAccountId = partner }))
                .ShouldBe(HttpStatusCode.OK).As<ExtensionsApproved>().Extended.ShouldHaveSingleItem().CollaborationId.ShouldBe(collaborations[i]);
    }

    [Fact]
    public async Task bad_input_is_refused_and_nothing_is_stored()
    {
        var (partner, firmAdmin, _, owners, businesses) = await Firm();
        var before = await App.EventCountAsync();
        (await Api.Get($"/api/v1/partners/{partner}/expiring-grants?withinDays=0", firmAdmin)).ShouldBeInvalid("withinDays");
        (await Api.Get($"/api/v1/partners/{partner}/expiring-grants?withinDays=366", firmAdmin)).ShouldBeInvalid("withinDays");
        (await Api.Post($"/api/v1/partners/{partner}/expiring-grants/extension-requests", firmAdmin, new { withinDays = 30 })).ShouldBeInvalid("extendByDays");
        (await Api.Post($"/api/v1/partners/{partner}/expiring-grants/extension-requests", firmAdmin, new { withinDays = 0, extendByDays = 999 })).ShouldBeInvalid("withinDays", "extendByDays");
        (await Api.Post($"/api/v1/clients/{businesses[0]}/extension-requests/approve", owners[0], new { })).ShouldBeInvalid("partnerAccountId");
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task only_the_firms_administrators_and_the_clients_managers_and_outsiders_learn_nothing()
    {
        var (partner, firmAdmin, _, owners, businesses) = await Firm();
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        var stranger = Actor.Person();
        var expiring = $"/api/v1/partners/{partner}/expiring-grants";
        var askAll = $"{expiring}/extension-requests";
        var body = new { withinDays = 30, extendByDays = 30 };
        (await Api.Get(expiring, null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Get(expiring, stranger)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get(expiring, owners[0])).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get(expiring, marta)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Get($"/api/v1/partners/{businesses[0]}/expiring-grants", owners[0])).ShouldBeProblem(HttpStatusCode.NotFound); // a client is no firm
        (await Api.Post(askAll, stranger, body)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Post(askAll, marta, body)).ShouldBeProblem(HttpStatusCode.Forbidden);

        var approve = $"/api/v1/clients/{businesses[0]}/extension-requests/approve";
        (await Api.Post(approve, null, new { partnerAccountId = partner })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Post(approve, stranger, new { partnerAccountId = partner })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Post(approve, firmAdmin, new { partnerAccountId = partner })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Post(approve, owners[1], new { partnerAccountId = partner })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Post($"/api/v1/clients/{partner}/extension-requests/approve", firmAdmin, new { partnerAccountId = partner })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/clients/{businesses[0]}/extension-requests", firmAdmin)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task two_bulk_approvals_at_once_extend_each_grant_once()
    {
        var (partner, firmAdmin, _, owners, businesses) = await Firm();
        await Api.Post($"/api/v1/partners/{partner}/expiring-grants/extension-requests", firmAdmin, new { withinDays = 30, extendByDays = 30 });
        var url = $"/api/v1/clients/{businesses[0]}/extension-requests/approve";
        var before = await App.EventCountAsync("access.access_extended");
        var replies = await Task.WhenAll(Api.Post(url, owners[0], new { partnerAccountId = partner }), Api.Post(url, owners[0], new { partnerAccountId = partner }));
        replies.ShouldAllBe(r => r.Status == HttpStatusCode.OK || r.Status == HttpStatusCode.Conflict);
        replies.Sum(r => r.Status == HttpStatusCode.OK ? r.As<ExtensionsApproved>().Extended.Count : 0).ShouldBe(1);
        (await App.EventCountAsync("access.access_extended")).ShouldBe(before + 1);
    }
}
