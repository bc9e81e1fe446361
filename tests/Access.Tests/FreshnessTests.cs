using Holded.Partners.Access.Decisions;
using Holded.Partners.Access.Sessions;
using Holded.Partners.Access.State;
using Microsoft.Extensions.DependencyInjection;

namespace Holded.Partners.Access.Tests;

/// <summary>
/// Fresh answers on demand (zookies): a write that changes access answers an access version, and a check, an
/// introspection or a session asked with it is decided from state at least that fresh on any node — even one whose
/// change feed has not delivered the write yet, which without the version answers from what it held before.
/// </summary>
public class FreshnessTests(PartnersApp app) : AppTest(app)
{
    private static readonly Actor Erp = Actor.Service("partners.access.check");

    private static async Task<string> Reason(Api api, Actor member, Guid client, string? atLeastAsFresh = null) =>
        (await api.Post("/api/v1/access/check", Erp, new { userId = member.UserId, clientAccountId = client, section = "accounting", action = "write", atLeastAsFresh }))
        .ShouldBe(HttpStatusCode.OK).As<Decision>().Reason;

    [Fact]
    public async Task a_node_that_has_not_heard_a_write_answers_it_when_asked_with_its_version()
    {
        var (collaboration, _, firmAdmin, business, owner) = await Api.Collaborating();
        var grant = $"/api/v1/collaborations/{collaboration}/access-grant";
        await using var node = await App.StartSilentFeedNodeAsync();
        var (there, state, proxy) = (node.Api, node.State, node.Proxy);
        (await Reason(there, firmAdmin, business)).ShouldBe("no_grant"); // now in its memory

        proxy.Freeze(); // the other node hears nothing more, and its memory keeps serving
        var granted = AccessNodes.VersionOf((await Api.Put(grant, owner, new { role = "accountant" })).ShouldBe(HttpStatusCode.OK));
        (await Reason(there, firmAdmin, business)).ShouldBe("no_grant"); // without the version: what it held before
        (await Reason(there, firmAdmin, business, granted)).ShouldBe("granted"); // with it: never older than the grant
        state.Applied.ShouldBeLessThan(long.Parse(granted)); // it still has not heard: the database answered

        // The new enemy: access removed, and a node that has not heard of it yet must not let the firm in.
        var ticket = (await Api.Post("/api/v1/access/sessions", firmAdmin, new { clientAccountId = business })).ShouldBe(HttpStatusCode.Created).As<SessionTicket>();
        var removed = AccessNodes.VersionOf((await Api.Delete(grant, owner)).ShouldBe(HttpStatusCode.NoContent));
        long.Parse(removed).ShouldBeGreaterThan(long.Parse(granted));
        (await Reason(there, firmAdmin, business, removed)).ShouldBe("grant_removed");
        (await Reason(there, firmAdmin, business, granted)).ShouldBe("grant_removed"); // at least as fresh: fresher is fine
        var introspected = (await there.Post("/api/v1/access/introspect", Erp, new { token = ticket.Token, atLeastAsFresh = removed }))
            .ShouldBe(HttpStatusCode.OK).As<Introspection>();
        introspected.Active.ShouldBeFalse();
        introspected.Reason.ShouldBe("grant_removed");
        var session = (await there.Post("/api/v1/access/sessions", firmAdmin, new { clientAccountId = business, atLeastAsFresh = removed }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
        session["reason"].GetValue<string>().ShouldBe("grant_removed");

        proxy.Thaw(); // it hears both changes, and from then on its memory answers them
        await AccessNodes.Until(state, () => state.IsAtLeast(long.Parse(removed)));
        (await Reason(there, firmAdmin, business, removed)).ShouldBe("grant_removed");
        (await Reason(there, firmAdmin, business)).ShouldBe("grant_removed");
    }

    [Fact]
    public async Task a_node_that_has_heard_the_version_answers_from_memory_and_the_writer_at_once()
    {
        var (collaboration, _, firmAdmin, business, owner) = await Api.Collaborating();
        await using var other = await App.StartAnotherNodeAsync();
        var state = other.Host.Services.GetRequiredService<AccessState>();
        await AccessNodes.Until(state, () => state.Listening);
        var version = AccessNodes.VersionOf((await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" })).ShouldBe(HttpStatusCode.OK));
        (await Reason(Api, firmAdmin, business, version)).ShouldBe("granted"); // the writing node
        (await Reason(new Api(other), firmAdmin, business, version)).ShouldBe("granted");
        await AccessNodes.Until(state, () => state.IsAtLeast(long.Parse(version))); // heard within milliseconds: no wait next time
        (await Reason(new Api(other), firmAdmin, business, version)).ShouldBe("granted");
    }

    [Fact]
    public async Task every_write_that_changes_access_answers_a_later_version_and_one_that_changes_nothing_none()
    {
        var (collaboration, partner, firmAdmin, business, owner) = await Api.Collaborating();
        var grant = $"/api/v1/collaborations/{collaboration}/access-grant";
        var versions = new List<long>();
        void Answered(Reply reply) => versions.Add(long.Parse(AccessNodes.VersionOf(reply)));

        Answered((await Api.Put(grant, owner, new { role = "accountant" })).ShouldBe(HttpStatusCode.OK)); // grant
        var same = (await Api.Put(grant, owner, new { role = "accountant" })).ShouldBe(HttpStatusCode.OK); // says what is so: records nothing
        same.Headers.Contains(AccessVersions.Header).ShouldBeFalse();
        (await Api.Get(grant, owner)).ShouldBe(HttpStatusCode.OK).Headers.Contains(AccessVersions.Header).ShouldBeFalse();
        Answered((await Api.Put(grant, owner, new { role = "read_only" })).ShouldBe(HttpStatusCode.OK)); // role change
        var person = Actor.Person();
        var invitation = (await Api.Post($"/api/v1/accounts/{partner}/invitations", firmAdmin, new { email = person.Email, role = "account_manager" }))
            .ShouldBe(HttpStatusCode.Created).Id;
        Answered(await Api.Settled(async () => (await Api.Post($"/api/v1/invitations/{invitation}/accept", person)).ShouldBe(HttpStatusCode.OK))); // member joins
        Answered(await Api.Settled(async () => (await Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { person.UserId } }))
            .ShouldBe(HttpStatusCode.OK))); // manager assigned
        Answered(await Api.Settled(async () => (await Api.Put($"/api/v1/accounts/{partner}/members/{person.UserId}", firmAdmin, new { role = "administrator" }))
            .ShouldBe(HttpStatusCode.OK))); // role in the firm
        Answered(await Api.Settled(async () => (await Api.Delete($"/api/v1/accounts/{partner}/members/{person.UserId}", firmAdmin))
            .ShouldBe(HttpStatusCode.NoContent))); // member removed
        Answered(await Api.Settled(async () => (await Api.Put($"/api/v1/accounts/{business}/subscription", Actor.Operator(), new { status = "active", plan = "basic" }))
            .ShouldBe(HttpStatusCode.OK))); // plan
        Answered((await Api.Delete(grant, owner)).ShouldBe(HttpStatusCode.NoContent)); // removal
        Answered((await Api.Put(grant, owner, new { role = "accountant" })).ShouldBe(HttpStatusCode.OK));
        Answered(await Api.Settled(async () => (await Api.Post($"/api/v1/collaborations/{collaboration}/end", owner, new { reason = "Cerramos.", confirm = true }))
            .ShouldBe(HttpStatusCode.OK))); // the end

        versions.ShouldBeInOrder(SortDirection.Ascending);
        versions.Distinct().Count().ShouldBe(versions.Count, string.Join(", ", versions));
        (await Reason(Api, firmAdmin, business, versions[^1].ToString())).ShouldBe("collaboration_ended");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("1.5")]
    [InlineData(" 7")]
    [InlineData("99999999999999999999")]
    public async Task a_malformed_version_is_refused_by_each_endpoint_and_nothing_is_recorded(string malformed)
    {
        var (_, _, firmAdmin, business, _) = await Api.Collaborating();
        var before = await App.EventCountAsync();
        (await Api.Post("/api/v1/access/check", Erp, new { userId = firmAdmin.UserId, clientAccountId = business, section = "accounting", action = "read", atLeastAsFresh = malformed }))
            .ShouldBeInvalid("atLeastAsFresh");
        (await Api.Post("/api/v1/access/introspect", Erp, new { token = "x.y.z", atLeastAsFresh = malformed })).ShouldBeInvalid("atLeastAsFresh");
        (await Api.Post("/api/v1/access/sessions", firmAdmin, new { clientAccountId = business, atLeastAsFresh = malformed })).ShouldBeInvalid("atLeastAsFresh");
        (await App.EventCountAsync()).ShouldBe(before); // not even the refusal of no_grant
    }

    [Fact]
    public async Task a_version_beyond_every_change_recorded_is_refused_and_nothing_is_recorded()
    {
        var (collaboration, _, firmAdmin, business, owner) = await Api.Collaborating();
        var version = long.Parse(AccessNodes.VersionOf((await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" }))
            .ShouldBe(HttpStatusCode.OK)));
        var ticket = (await Api.Post("/api/v1/access/sessions", firmAdmin, new { clientAccountId = business })).ShouldBe(HttpStatusCode.Created).As<SessionTicket>();
        var future = (version + 1_000_000).ToString();
        var before = await App.EventCountAsync();
        (await Api.Post("/api/v1/access/check", Erp, new { userId = firmAdmin.UserId, clientAccountId = business, section = "payroll", action = "write", atLeastAsFresh = future }))
            .ShouldRefuse("access_version_unknown");
        (await Api.Post("/api/v1/access/introspect", Erp, new { token = ticket.Token, atLeastAsFresh = future })).ShouldRefuse("access_version_unknown");
        (await Api.Post("/api/v1/access/sessions", firmAdmin, new { clientAccountId = business, atLeastAsFresh = future })).ShouldRefuse("access_version_unknown");
        (await App.EventCountAsync()).ShouldBe(before); // no session opened, no refusal recorded
        (await Reason(Api, firmAdmin, business, version.ToString())).ShouldBe("granted"); // the version answered is honoured
    }

    [Fact]
    public async Task who_may_ask_is_decided_before_the_version()
    {
        var (_, _, firmAdmin, business, _) = await Api.Collaborating();
        (await Api.Post("/api/v1/access/check", firmAdmin, new { userId = firmAdmin.UserId, clientAccountId = business, section = "accounting", action = "read", atLeastAsFresh = "abc" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post("/api/v1/access/introspect", firmAdmin, new { token = "x", atLeastAsFresh = "999999999999" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post("/api/v1/access/sessions", Erp, new { clientAccountId = business, atLeastAsFresh = "999999999999" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post("/api/v1/access/check", null, new { userId = firmAdmin.UserId, clientAccountId = business, section = "accounting", action = "read", atLeastAsFresh = "1" }))
            .ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(null, true, null)]
    [InlineData("42", true, 42L)]
    [InlineData("000042", true, 42L)]
    [InlineData("0", false, null)]
    [InlineData("4a", false, null)]
    [InlineData("+4", false, null)]
    [InlineData("١٢", false, null)] // digits, but not ASCII ones
    [InlineData("1234567890123456789", false, null)]
    public void a_version_is_its_decimal_digits(string? text, bool valid, long? version)
    {
        AccessVersions.TryParse(text, out var parsed).ShouldBe(valid);
        if (valid) parsed.ShouldBe(version);
    }
}
