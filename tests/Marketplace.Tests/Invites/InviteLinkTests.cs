using Holded.Partners.Kernel;
using Holded.Partners.Marketplace.Conversations;
using Holded.Partners.Marketplace.Invites;

namespace Holded.Partners.Marketplace.Tests.Invites;

/// <summary>Capability 6: a firm's invite links and codes, a business starting through one, revoking, expiry, and who may.</summary>
public class InviteLinkTests(PartnersApp app) : AppTest(app)
{
    private async Task<(Guid Firm, Actor Admin)> Firm()
    {
        var admin = Actor.Person("Firm Admin");
        return (await Api.PublishedPartner(admin), admin);
    }

    private async Task<(Guid Business, Actor Owner)> Business()
    {
        var owner = Actor.Person("Owner");
        return (await Api.RegisterBusiness(owner), owner);
    }

    private static string Links(Guid firm) => $"/api/v1/partners/{firm}/invite-links";

    private async Task<InviteLinkSummary> Create(Guid firm, Actor admin, object? body = null)
    {
        var created = (await Api.Post(Links(firm), admin, body ?? new { label = "Web" })).ShouldBe(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldBe($"{Links(firm)}/{created.Id}");
        return await Api.GetAs<InviteLinkSummary>($"{Links(firm)}/{created.Id}", admin);
    }

    private Task<Reply> Use(string key, Actor who, Guid business, string? message = "Hola, venimos por vuestra invitación.") =>
        Api.Post($"/api/v1/invite-links/{key}/use", who, new { clientAccountId = business, message });

    private Task<InviteLinkSummary> Read(Guid firm, Actor admin, Guid link) => Api.GetAs<InviteLinkSummary>($"{Links(firm)}/{link}", admin);

    [Fact]
    public async Task a_firm_makes_a_link_and_businesses_start_through_its_url_or_its_code()
    {
        var (firm, admin) = await Firm();
        var link = await Create(firm, admin);
        link.Status.ShouldBe(InviteLinkStatus.Active);
        link.Label.ShouldBe("Web");
        link.Token.Length.ShouldBe(InviteKeys.TokenLength);
        link.Code.Length.ShouldBe(InviteKeys.CodeLength);
        link.Url.ShouldEndWith($"/invite/{link.Token}");
        link.UseCount.ShouldBe(0);

        var (business, owner) = await Business();
        var invite = (await Api.Get($"/api/v1/invite-links/{link.Token}", owner)).ShouldBe(HttpStatusCode.OK);
        invite.As<InviteDetails>().Partner.DisplayName.ShouldBe("Gestoría López");
        invite.Body.ShouldNotContain("contactEmail"); // what the public directory shows, no more

        var used = await Api.Settled(() => Use(link.Token, owner, business));
        used.ShouldBe(HttpStatusCode.Created);
        used.Headers.Location!.ToString().ShouldBe($"/api/v1/conversations/{used.Id}");
        var conversation = await Api.GetAs<ConversationDetail>($"/api/v1/conversations/{used.Id}", owner);
        conversation.Conversation.PartnerAccountId.ShouldBe(firm);
        conversation.Conversation.ClientAccountId.ShouldBe(business);
        conversation.Messages.ShouldHaveSingleItem().Text.ShouldBe("Hola, venimos por vuestra invitación.");
        conversation.Conversation.RequestStatus.ShouldBe(RequestStatus.None); // ready to send: the business sends it
        await Api.RequestCollaboration(owner, used.Id);

        // The code, typed as a person would.
        var (second, secondOwner) = await Business();
        var code = $"{link.Code[..4].ToLowerInvariant()}-{link.Code[4..]}";
        (await Api.Get($"/api/v1/invite-links/{code}", secondOwner)).ShouldBe(HttpStatusCode.OK);
        var byCode = (await Api.Settled(() => Use(code, secondOwner, second))).ShouldBe(HttpStatusCode.Created);

        var read = await Read(firm, admin, link.Id);
        read.UseCount.ShouldBe(2);
        read.LastUsedAt.ShouldNotBeNull();
        var uses = await Api.GetAs<Page<InviteLinkUse>>($"{Links(firm)}/{link.Id}/uses", admin);
        uses.Items.Select(u => (u.ClientAccountId, u.ConversationId)).ShouldBe([(second, byCode.Id), (business, used.Id)]);
        uses.Items[1].UsedBy.ShouldBe(owner.UserId);
        (await Api.GetAs<Page<InviteLinkSummary>>(Links(firm), admin)).Items.ShouldHaveSingleItem().UseCount.ShouldBe(2);
        (await Api.GetAs<Page<ConversationSummary>>($"/api/v1/conversations?accountId={firm}", admin)).Total.ShouldBe(2);
        (await App.EventCountAsync("marketplace.invite_link_created")).ShouldBe(1);
        (await App.EventCountAsync("marketplace.invite_link_used")).ShouldBe(2);
    }

    [Fact]
    public async Task a_firm_keeps_several_links_newest_first_each_with_its_own_uses()
    {
        var (firm, admin) = await Firm();
        var web = await Create(firm, admin, new { label = "Web" });
        var mail = await Create(firm, admin, new { label = "Newsletter" });
        var unnamed = await Create(firm, admin, new { });
        unnamed.Label.ShouldBeNull();
        var (business, owner) = await Business();
        (await Use(mail.Code, owner, business)).ShouldBe(HttpStatusCode.Created);

        var list = await Api.GetAs<Page<InviteLinkSummary>>(Links(firm), admin);
        list.Items.Select(l => (l.Id, l.UseCount)).ShouldBe([(unnamed.Id, 0), (mail.Id, 1), (web.Id, 0)]);
        new[] { web.Code, mail.Code, unnamed.Code }.Distinct().Count().ShouldBe(3);
        (await Api.GetAs<Page<InviteLinkSummary>>(Links(firm) + "?pageSize=2&page=2", admin)).Items.ShouldHaveSingleItem().Id.ShouldBe(web.Id);
        (await Api.Get(Links(firm) + "?pageSize=1000", admin)).ShouldBeInvalid("pageSize");
    }

    [Fact]
    public async Task a_revoked_link_and_its_code_stop_working_and_its_uses_stay()
    {
        var (firm, admin) = await Firm();
        var link = await Create(firm, admin);
        var (business, owner) = await Business();
        (await Use(link.Token, owner, business)).ShouldBe(HttpStatusCode.Created);

        (await Api.Delete($"{Links(firm)}/{link.Id}", admin)).ShouldBe(HttpStatusCode.NoContent);
        var (other, otherOwner) = await Business();
        foreach (var key in new[] { link.Token, link.Code })
        {
            (await Api.Get($"/api/v1/invite-links/{key}", otherOwner)).ShouldRefuse("invite_link_revoked");
            (await Use(key, otherOwner, other)).ShouldRefuse("invite_link_revoked");
        }
        var read = await Read(firm, admin, link.Id);
        read.Status.ShouldBe(InviteLinkStatus.Revoked);
        read.RevokedBy.ShouldBe(admin.UserId);
        read.UseCount.ShouldBe(1);
        (await Api.GetAs<Page<InviteLinkUse>>($"{Links(firm)}/{link.Id}/uses", admin)).Total.ShouldBe(1);

        var again = (await Api.Delete($"{Links(firm)}/{link.Id}", admin)).ShouldBeProblem(HttpStatusCode.Conflict);
        again["code"].GetValue<string>().ShouldBe("invite_link_already_revoked");
        (await App.EventCountAsync("marketplace.invite_link_revoked")).ShouldBe(1);
        (await Api.GetAs<Page<ConversationSummary>>($"/api/v1/conversations?accountId={other}", otherOwner)).Total.ShouldBe(0);
    }

    [Fact]
    public async Task a_link_past_its_expiry_is_refused_and_can_still_be_revoked()
    {
        var (firm, admin) = await Firm();
        var link = await Create(firm, admin, new { label = "Feria", expiresAt = App.Clock.GetUtcNow().AddDays(1) });
        link.ExpiresAt.ShouldNotBeNull();
        var (business, owner) = await Business();
        (await Api.Get($"/api/v1/invite-links/{link.Code}", owner)).As<InviteDetails>().ExpiresAt.ShouldBe(link.ExpiresAt);

        App.Clock.Advance(TimeSpan.FromDays(2));
        (await Api.Get($"/api/v1/invite-links/{link.Code}", owner)).ShouldRefuse("invite_link_expired");
        (await Use(link.Token, owner, business)).ShouldRefuse("invite_link_expired");
        (await Read(firm, admin, link.Id)).Status.ShouldBe(InviteLinkStatus.Expired);
        (await Api.Delete($"{Links(firm)}/{link.Id}", admin)).ShouldBe(HttpStatusCode.NoContent);
        (await Read(firm, admin, link.Id)).Status.ShouldBe(InviteLinkStatus.Revoked);
    }

    [Fact]
    public async Task only_a_firm_in_the_marketplace_invites_and_its_links_pause_while_it_is_not()
    {
        var unlistedAdmin = Actor.Person();
        var unlisted = await Api.RegisterPartner(unlistedAdmin);
        (await Api.Post(Links(unlisted), unlistedAdmin, new { label = "Web" })).ShouldRefuse("firm_not_listed");

        var (firm, admin) = await Firm();
        var link = await Create(firm, admin);
        var (business, owner) = await Business();
        await Api.SetSubscription(firm, "canceled");
        (await Api.Get($"/api/v1/invite-links/{link.Token}", owner)).ShouldRefuse("firm_not_listed");
        (await Use(link.Token, owner, business)).ShouldRefuse("firm_not_listed");
        await Api.SetSubscription(firm, "active");
        (await Use(link.Token, owner, business)).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task a_firm_cannot_start_with_itself_and_its_own_people_are_told_it_is_their_link()
    {
        var (firm, admin) = await Firm();
        var link = await Create(firm, admin);
        (await Use(link.Token, admin, firm)).ShouldRefuse("not_a_business_account");

        // A firm's administrator who also owns a business: still the firm's own link.
        var own = await Api.RegisterBusiness(admin);
        (await Use(link.Token, admin, own)).ShouldRefuse("own_invite_link");
        var manager = await Api.AddMember(firm, admin, "account_manager");
        var managersBusiness = await Api.RegisterBusiness(manager);
        (await Use(link.Code, manager, managersBusiness)).ShouldRefuse("own_invite_link");
    }

    [Fact]
    public async Task a_link_does_not_start_what_asking_could_not()
    {
        var (collaboration, partner, firmAdmin, business, owner) = await Api.Collaborating();
        var link = await Create(partner, firmAdmin);
        (await Use(link.Token, owner, business)).ShouldRefuse("already_collaborating");

        var waiting = Actor.Person();
        var (waitingBusiness, _) = await Api.RequestedCollaboration(waiting, partner);
        (await Use(link.Token, waiting, waitingBusiness)).ShouldRefuse("collaboration_request_already_open");
        (await Read(partner, firmAdmin, link.Id)).UseCount.ShouldBe(0);
        collaboration.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task bad_input_is_refused_and_nothing_is_stored()
    {
        var (firm, admin) = await Firm();
        var link = await Create(firm, admin);
        var (business, owner) = await Business();
        var before = await App.EventCountAsync();
        var now = App.Clock.GetUtcNow();

        (await Api.Post(Links(firm), admin, new { label = new string('x', 81) })).ShouldBeInvalid("label");
        (await Api.Post(Links(firm), admin, new { expiresAt = now.AddMinutes(-1) })).ShouldBeInvalid("expiresAt");
        (await Api.Post(Links(firm), admin, new { expiresAt = now.AddDays(400) })).ShouldBeInvalid("expiresAt");
        (await Api.Send(HttpMethod.Post, Links(firm), admin, rawBody: "{\"label\":")).ShouldBeProblem(HttpStatusCode.BadRequest);

        (await Api.Post($"/api/v1/invite-links/{link.Token}/use", owner, new { message = "Hola" })).ShouldBeInvalid("clientAccountId");
        (await Use(link.Token, owner, business, message: "")).ShouldBeInvalid("message");
        (await Use(link.Token, owner, business, message: new string('x', 5001))).ShouldBeInvalid("message");
        (await Use("abc", owner, business)).ShouldBeInvalid("key");
        (await Api.Get("/api/v1/invite-links/abc", owner)).ShouldBeInvalid("key");
        (await Api.Get("/api/v1/invite-links/K7MQ3XZO", owner)).ShouldBeInvalid("key"); // an O is never in a code
        (await App.EventCountAsync()).ShouldBe(before);

        // Well-formed, but no link has them.
        foreach (var key in new[] { InviteKeys.NewToken(), InviteKeys.NewCode() })
        {
            (await Api.Get($"/api/v1/invite-links/{key}", owner)).ShouldBeProblem(HttpStatusCode.NotFound);
            (await Use(key, owner, business)).ShouldBeProblem(HttpStatusCode.NotFound);
        }
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task only_the_firms_administrators_manage_its_links_and_everyone_else_gets_401_403_or_404()
    {
        var (firm, admin) = await Firm();
        var link = await Create(firm, admin);
        var manager = await Api.AddMember(firm, admin, "account_manager");
        var (otherFirm, otherAdmin) = await Firm();
        var (business, owner) = await Business();
        var one = $"{Links(firm)}/{link.Id}";

        foreach (var (reply, status) in new (Func<Actor?, Task<Reply>>, HttpStatusCode)[]
                 {
                     (who => Api.Post(Links(firm), who, new { label = "x" }), HttpStatusCode.Created),
                     (who => Api.Get(Links(firm), who), HttpStatusCode.OK),
                     (who => Api.Get(one, who), HttpStatusCode.OK),
                     (who => Api.Get($"{one}/uses", who), HttpStatusCode.OK),
                 })
        {
            (await reply(admin)).ShouldBe(status);
            (await reply(null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
            (await reply(manager)).ShouldBeProblem(HttpStatusCode.Forbidden);
            foreach (var outsider in new[] { otherAdmin, owner, Actor.Person(), Actor.Reviewer() })
                (await reply(outsider)).ShouldBeProblem(HttpStatusCode.NotFound);
        }
        (await Api.Delete(one, null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Delete(one, manager)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Delete(one, otherAdmin)).ShouldBeProblem(HttpStatusCode.NotFound);
        // Another firm's link, through one's own firm: it does not exist there.
        (await Api.Get($"{Links(otherFirm)}/{link.Id}", otherAdmin)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Delete($"{Links(otherFirm)}/{link.Id}", otherAdmin)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Delete($"{Links(firm)}/{Guid.NewGuid()}", admin)).ShouldBeProblem(HttpStatusCode.NotFound);
        // A business's id is no firm.
        (await Api.Post(Links(business), owner, new { label = "x" })).ShouldBeProblem(HttpStatusCode.NotFound);

        // Using: signed in, and for a business of one's own.
        (await Api.Get($"/api/v1/invite-links/{link.Token}", null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Use(link.Token, null!, business)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Use(link.Token, Actor.Person(), business)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Use(link.Token, owner, Guid.NewGuid())).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Read(firm, admin, link.Id)).UseCount.ShouldBe(0);
    }

    [Fact]
    public async Task two_revokes_at_once_revoke_once()
    {
        var (firm, admin) = await Firm();
        var second = await Api.AddMember(firm, admin, "administrator");
        var link = await Create(firm, admin);
        var replies = await Task.WhenAll(Api.Delete($"{Links(firm)}/{link.Id}", admin), Api.Delete($"{Links(firm)}/{link.Id}", second));
        replies.Count(r => r.Status == HttpStatusCode.NoContent).ShouldBe(1);
        replies.Single(r => r.Status != HttpStatusCode.NoContent).ShouldBeProblem(HttpStatusCode.Conflict);
        (await App.EventCountAsync("marketplace.invite_link_revoked")).ShouldBe(1);
    }

    [Fact]
    public async Task a_use_racing_a_revoke_lands_before_it_or_is_refused_never_after()
    {
        var (firm, admin) = await Firm();
        for (var i = 0; i < 4; i++)
        {
            var link = await Create(firm, admin);
            var (business, owner) = await Business();
            var (use, revoke) = await Api.Settled(async () =>
            {
                var both = await Task.WhenAll(Use(link.Token, owner, business), Api.Delete($"{Links(firm)}/{link.Id}", admin));
                return (both[0], both[1]);
            });
            revoke.ShouldBe(HttpStatusCode.NoContent);
            use.Status.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity, HttpStatusCode.Conflict);
            var read = await Read(firm, admin, link.Id);
            read.Status.ShouldBe(InviteLinkStatus.Revoked);
            var conversations = (await Api.GetAs<Page<ConversationSummary>>($"/api/v1/conversations?accountId={business}", owner)).Total;
            // A use counted is a conversation started, and the other way round.
            read.UseCount.ShouldBe(use.Status == HttpStatusCode.Created ? 1 : 0);
            conversations.ShouldBe(read.UseCount);
            // The use's event is before the revoke's on the link's stream, whichever came first.
            await using var session = App.Store.QuerySession();
            var events = await session.Events.FetchStreamAsync(link.Id);
            events[^1].Data.ShouldBeOfType<InviteLinkRevoked>();
        }
    }

    [Fact]
    public async Task uses_of_one_link_at_once_all_land_and_are_all_counted()
    {
        var (firm, admin) = await Firm();
        var link = await Create(firm, admin);
        var businesses = new List<(Guid Business, Actor Owner)>();
        for (var i = 0; i < 4; i++) businesses.Add(await Business());
        var replies = await Api.Settled(() => Task.WhenAll(businesses.Select(b => Use(link.Token, b.Owner, b.Business))));
        replies.ShouldAllBe(r => r.Status == HttpStatusCode.Created);
        (await Read(firm, admin, link.Id)).UseCount.ShouldBe(4);
        (await Api.GetAs<Page<InviteLinkUse>>($"{Links(firm)}/{link.Id}/uses", admin)).Total.ShouldBe(4);
    }
}
