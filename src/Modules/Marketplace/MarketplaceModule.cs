using System.Threading.RateLimiting;
using Holded.Partners.Marketplace.Accounts;
using Holded.Partners.Marketplace.Conversations;
using Holded.Partners.Marketplace.Invites;
using JasperFx.Events.Projections;
using Holded.Partners.Marketplace.Listings;
using Holded.Partners.Marketplace.Responsiveness;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;

namespace Holded.Partners.Marketplace;

public static class MarketplaceModule
{
    public const string Schema = "marketplace";
    public const string PublicRateLimit = "public-directory";

    /// <summary>A conversation's messages are read as these events (see GetConversationEndpoint).</summary>
    public const string MessagePostedName = "marketplace.message_posted";

    /// <summary>The stored names of the module's events (never renamed); also for tools that read its events.</summary>
    public static void MapEventTypes(StoreOptions opts)
    {
        opts.Events.MapEventType<ConversationOpened>("marketplace.conversation_opened");
        opts.Events.MapEventType<MessagePosted>(MessagePostedName);
        opts.Events.MapEventType<CollaborationRequested>("marketplace.collaboration_requested");
        opts.Events.MapEventType<CollaborationRequestAccepted>("marketplace.collaboration_request_accepted");
        opts.Events.MapEventType<CollaborationRequestDeclined>("marketplace.collaboration_request_declined");
        opts.Events.MapEventType<InviteLinkCreated>("marketplace.invite_link_created");
        opts.Events.MapEventType<InviteLinkUsed>("marketplace.invite_link_used");
        opts.Events.MapEventType<InviteLinkRevoked>("marketplace.invite_link_revoked");
    }

    public static IServiceCollection AddMarketplaceModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureMarten(opts =>
        {
            MapEventTypes(opts);

            opts.Projections.Snapshot<Conversation>(SnapshotLifecycle.Inline);
            opts.Schema.For<Conversation>().DatabaseSchemaName(Schema);
            opts.Projections.Add<ConversationViewProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<ConversationView>().DatabaseSchemaName(Schema)
                .Index(c => c.ClientAccountId).Index(c => c.PartnerAccountId);
            opts.Projections.Add<ConversationResponseProjection>(ProjectionLifecycle.Async);
            opts.Schema.For<ConversationResponse>().DatabaseSchemaName(Schema).Index(r => r.PartnerAccountId);
            // Invite links: found by token or code, each unique (a code drawn twice fails the second commit, 409).
            opts.Projections.Snapshot<InviteLink>(SnapshotLifecycle.Inline);
            opts.Schema.For<InviteLink>().DatabaseSchemaName(Schema);
            opts.Projections.Add<InviteLinkViewProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<InviteLinkView>().DatabaseSchemaName(Schema)
                .UniqueIndex(v => v.Token).UniqueIndex(v => v.Code).Index(v => v.PartnerAccountId);
            opts.Projections.Add<InviteLinkUseProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<InviteLinkUse>().DatabaseSchemaName(Schema).Index(u => u.LinkId);
            opts.Schema.For<Pairing>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true);

            opts.Schema.For<MarketplaceAccount>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true).GinIndexJsonData();
            opts.Schema.For<MarketplaceCollaboration>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true)
                .Index(c => c.ConversationId).Index(c => c.PartnerAccountId);
            opts.Schema.For<Listing>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true).Index(l => l.Slug);
            opts.Storage.ExtendedSchemaObjects.Add(ListingSearchTable.Definition());
        });
        services.AddSingleton<ListingSearch>();

        // Per client address; the limit is configuration so an operator can tune it (and tests can reach it).
        var perMinute = configuration.GetValue("Marketplace:DirectoryRequestsPerMinute", 120);
        if (perMinute < 1) throw new InvalidOperationException($"Marketplace:DirectoryRequestsPerMinute must be at least 1; it is {perMinute}.");
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(PublicRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        services.AddModuleDiscovery(typeof(MarketplaceModule).Assembly);
        return services;
    }
}
