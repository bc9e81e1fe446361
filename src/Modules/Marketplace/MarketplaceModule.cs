using System.Threading.RateLimiting;
using Holded.Partners.Marketplace.Accounts;
using Holded.Partners.Marketplace.Conversations;
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
