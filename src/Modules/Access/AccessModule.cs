using Holded.Partners.Access.Audit;
using Holded.Partners.Access.Audit.Chain;
using Holded.Partners.Access.Grants;
using Holded.Partners.Access.JustInTime;
using Holded.Partners.Access.Replicas;
using Holded.Partners.Access.Sessions;
using Holded.Partners.Access.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using JasperFx.Events.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Holded.Partners.Access;

public static class AccessModule
{
    public const string Schema = "access";

    /// <summary>The response header a write that changed access answers its access version in.</summary>
    public const string VersionHeader = State.AccessVersions.Header;

    public static IServiceCollection AddAccessModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccessOptions>, ValidateAccessOptions>();
        services.AddSingleton(p => new SessionTokens(p.GetRequiredService<IOptions<AccessOptions>>().Value.SessionSigningKey!));
        services.AddSingleton(p => p.GetRequiredService<IOptions<AccessOptions>>().Value is var o ? new FeedSettings(o.ChangeFeedHeartbeat, o.ChangeFeedStaleAfter, o.CatchUpWait) : null!);
        services.AddSingleton<AccessState>();
        services.AddSingleton(p => new SessionRefusals(p.GetRequiredService<IOptions<AccessOptions>>().Value.RefusedSessionsPerMinute));
        services.AddHostedService<AccessChangeFeed>();
        services.AddSingleton<Decisions.DenialWindows>();
        services.AddSingleton<Decisions.DenialCounter>();
        services.AddHostedService<Decisions.DenialFlusher>();
        services.AddSingleton<IAfterRebuild, ForgetAccessAfterRebuild>();
        services.ConfigureMarten((provider, opts) => opts.Listeners.Add(new AccessChanges(
            provider.GetRequiredService<AccessState>(), provider.GetRequiredService<Npgsql.NpgsqlDataSource>(), provider.GetRequiredService<ILogger<AccessChanges>>())));
        services.ConfigureMarten(opts =>
        {
            opts.Events.MapEventType<AccessGranted>("access.access_granted");
            opts.Events.MapEventType<AccessGrantChanged>("access.access_grant_changed");
            opts.Events.MapEventType<AccessRemoved>("access.access_removed");
            opts.Events.MapEventType<AccessExpired>("access.access_expired");
            opts.Events.MapEventType<AccessTerminated>("access.access_terminated");
            opts.Events.MapEventType<AccessExtensionRequested>("access.access_extension_requested");
            opts.Events.MapEventType<AccessExtended>("access.access_extended");
            opts.Events.MapEventType<AccessRenewed>("access.access_renewed");
            opts.Events.MapEventType<AccessExtensionDeclined>("access.access_extension_declined");
            opts.Events.MapEventType<JustInTimeRequested>("access.just_in_time_requested");
            opts.Events.MapEventType<JustInTimeApproved>("access.just_in_time_approved");
            opts.Events.MapEventType<JustInTimeDeclined>("access.just_in_time_declined");
            opts.Events.MapEventType<JustInTimeUsed>("access.just_in_time_used");
            opts.Events.MapEventType<JustInTimeEnded>("access.just_in_time_ended");
            opts.Events.MapEventType<JustInTimeExpired>("access.just_in_time_expired");
            opts.Events.MapEventType<JustInTimePolicySet>("access.just_in_time_policy_set");
            opts.Events.MapEventType<SessionOpened>("access.session_opened");
            opts.Events.MapEventType<SessionRefused>("access.session_refused");
            opts.Events.MapEventType<Decisions.CheckDenied>("access.check_denied"); // kept: the trail's denials before windows
            opts.Events.MapEventType<Decisions.ChecksDenied>("access.checks_denied");
            opts.Schema.For<Decisions.DenialWindow>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true).Duplicate(w => w.EndsAt).Duplicate(w => w.Closed);
            Reviews.AccessReviews.Configure(opts);
            opts.Projections.Snapshot<AccessSession>(SnapshotLifecycle.Inline);
            opts.Projections.Add<AuditProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<AuditEntry>().DatabaseSchemaName(Schema); // its columns and indexes: AuditEntry.ConfigureMarten
            opts.Events.MetadataConfig.CorrelationIdEnabled = true;
            opts.Schema.For<AccessSession>().DatabaseSchemaName(Schema).Index(s => s.CollaborationId); // found by collaboration when its streams are archived

            opts.Schema.For<AccessAccount>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true);
            opts.Schema.For<AccessCollaboration>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true).Index(c => c.ClientAccountId).Index(c => c.PartnerAccountId);
            opts.Projections.Snapshot<Grant>(SnapshotLifecycle.Inline);
            opts.Schema.For<Grant>().DatabaseSchemaName(Schema).Index(g => g.PartnerAccountId).Index(g => g.ClientAccountId);
            opts.Projections.Snapshot<JustInTimeAccess>(SnapshotLifecycle.Inline);
            opts.Schema.For<JustInTimeAccess>().DatabaseSchemaName(Schema)
                .Index(r => r.CollaborationId).Index(r => r.PartnerAccountId).Index(r => r.ClientAccountId);
            opts.Projections.Snapshot<JustInTimePolicy>(SnapshotLifecycle.Inline);
            opts.Schema.For<JustInTimePolicy>().DatabaseSchemaName(Schema);
            opts.Storage.ExtendedSchemaObjects.Add(AccessVersions.Definition());
        });
        services.AddAuditChain();
        services.AddModuleDiscovery(typeof(AccessModule).Assembly);
        return services;
    }

    /// <summary>
    /// Every answer of a request that changed access carries its version in the Access-Version header (a 204 has no
    /// body to carry it, and the bodies stay the shapes their GETs answer). A request that changed nothing carries none.
    /// </summary>
    public static IApplicationBuilder UseAccessVersions(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var answered = AnsweredVersion.Begin();
        context.Response.OnStarting(() =>
        {
            if (answered.Version is { } version) context.Response.Headers[AccessVersions.Header] = AccessVersions.Format(version);
            return Task.CompletedTask;
        });
        await next(context);
    });
}
