using Marten.Events;
using Holded.Partners.Marketplace.Conversations;
using Holded.Partners.Marketplace.Responsiveness;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Holded.Partners.Host.Tests;

/// <summary>
/// A release that changes an async projection: its nodes build the new version in a table of its own while the old
/// release's nodes keep serving (and keep the old version current); they report ready once it has caught up, then the
/// old release stops and nothing was ever unavailable.
/// </summary>
public class BlueGreenTests : IAsyncLifetime
{
    private readonly ClusterApp _app = new();
    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    private static string Url(Guid partner) => $"/api/v1/marketplace/partners/{partner}/responsiveness";

    [Fact]
    public async Task a_new_projection_version_is_built_beside_the_live_one_and_takes_over_without_downtime()
    {
        var blue = new Api(_app);
        var firmAdmin = Actor.Person("Firm Admin");
        var partner = await blue.PublishedPartner(firmAdmin);
        var owner = Actor.Person("Owner");
        var business = await blue.RegisterBusiness(owner);
        var talked = await blue.OpenConversation(owner, business, partner);
        (await blue.Post($"/api/v1/conversations/{talked}/messages", firmAdmin, new { text = "Encantados." })).ShouldBe(HttpStatusCode.Created);
        var (_, declined) = await blue.RequestedCollaboration(Actor.Person("Second Owner"), partner);
        (await blue.Post($"/api/v1/conversations/{declined}/collaboration-request/decline", firmAdmin, new { reason = "No llegamos." })).ShouldBe(HttpStatusCode.OK);
        await _app.ProjectionsCaughtUpAsync();
        (await blue.Get(Url(partner), owner)).ShouldBe(HttpStatusCode.OK)["answered"].GetValue<int>().ShouldBe(2);

        // The next release: the same host with version 2 of the projection (a decision no longer counts as an answer).
        await using var green = await _app.StartNodeAsync(s =>
        {
            s.ConfigureWolverine(o => ClusterApp.Member(o.Durability));
            s.ConfigureMarten(o => NextRelease.Apply(o.Projections));
        });
        var greenApi = new Api(green);
        // Each node's own daemon view: every async projection it knows (version 2 on the new release) at the last event.
        await green.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        (await green.CreateClient().GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Both versions live side by side, each in its own table, each read by its own release.
        (await greenApi.Get(Url(partner), owner)).ShouldBe(HttpStatusCode.OK)["answered"].GetValue<int>().ShouldBe(1);
        (await blue.Get(Url(partner), owner)).ShouldBe(HttpStatusCode.OK)["answered"].GetValue<int>().ShouldBe(2);
        var versions = (await greenApi.Get("/api/v1/admin/projections", Actor.Operator())).Json!.AsArray()
            .Where(p => p!["name"]!.GetValue<string>() == ConversationResponseProjection.ProjectionName).ToList();
        versions.Single()!["version"]!.GetValue<uint>().ShouldBe(2u);
        versions.Single()!["status"]!.GetValue<string>().ShouldBe("current");

        // While both run, a new conversation reaches both versions (each kept by a node of its own release).
        var (_, third) = await greenApi.RequestedCollaboration(Actor.Person("Third Owner"), partner);
        await _app.ProjectionsCaughtUpAsync();
        await green.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        (await Asked(greenApi, partner, owner)).ShouldBe(3);
        (await Asked(blue, partner, owner)).ShouldBe(3);

        // The old release stops; the new one serves on and keeps its version current. The old table is left as it
        // was, for whoever drops it later.
        await _app.Host.StopAsync();
        (await greenApi.Post($"/api/v1/conversations/{third}/messages", firmAdmin, new { text = "Hablamos." })).ShouldBe(HttpStatusCode.Created);
        await green.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        (await greenApi.Get(Url(partner), owner))["answered"].GetValue<int>().ShouldBe(2);
        (await Eventually.CountAsync(_app.ConnectionString, "select count(*) from marketplace.mt_doc_conversationresponse")).ShouldBe(3);
        (await Eventually.CountAsync(_app.ConnectionString, "select count(*) from marketplace.mt_doc_conversationresponse_2")).ShouldBe(3);
    }

    private static async Task<int> Asked(Api api, Guid partner, Actor who) => (await api.Get(Url(partner), who))["asked"].GetValue<int>();
}

public static class NextRelease
{
    /// <summary>What a developer does in the code of the next release: the projection's rules change, and its version with them.</summary>
    public static void Apply(Marten.Events.Projections.ProjectionOptions projections)
    {
        var all = projections.All;
        all.Remove(all.Single(p => p.Name == ConversationResponseProjection.ProjectionName));
        projections.Add(new ConversationResponseProjectionV2(), ProjectionLifecycle.Async);
    }
}

/// <summary>Version 2 as the test stands it up: only a message from the firm answers; a decision on a request does not.</summary>
public sealed class ConversationResponseProjectionV2 : SingleStreamProjection<ConversationResponse, Guid>
{
    public ConversationResponseProjectionV2()
    {
        Name = ConversationResponseProjection.ProjectionName;
        Version = 2;
    }

    public ConversationResponse Create(ConversationOpened e) => new(e.ConversationId, e.PartnerAccountId, null, null);

    public ConversationResponse Apply(IEvent<MessagePosted> e, ConversationResponse r) =>
        e.Data.Side == Sides.Client ? r with { AskedAt = r.AskedAt ?? e.Timestamp }
        : r.AskedAt is null || r.AnsweredAt is not null ? r : r with { AnsweredAt = e.Timestamp };

    public ConversationResponse Apply(IEvent<CollaborationRequested> e, ConversationResponse r) => r with { AskedAt = r.AskedAt ?? e.Timestamp };
}
