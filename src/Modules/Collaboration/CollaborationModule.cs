using Holded.Partners.Collaboration.Accounts;
using Holded.Partners.Collaboration.Collaborations;
using Holded.Partners.Collaboration.PendingWork;
using JasperFx.Events.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace Holded.Partners.Collaboration;

public static class CollaborationModule
{
    public const string Schema = "collaboration";

    public static IServiceCollection AddCollaborationModule(this IServiceCollection services)
    {
        services.AddOptions<CollaborationOptions>().BindConfiguration(CollaborationOptions.Section)
            .Validate(o => o.ArchiveEndedAfter >= TimeSpan.Zero, "Collaboration:ArchiveEndedAfter must not be negative (a time span such as 30.00:00:00).")
            .ValidateOnStart();
        services.ConfigureMarten(opts =>
        {
            opts.Events.MapEventType<CollaborationStarted>("collaboration.collaboration_started");
            opts.Events.MapEventType<ManagerAssigned>("collaboration.manager_assigned");
            opts.Events.MapEventType<ManagerUnassigned>("collaboration.manager_unassigned");
            opts.Events.MapEventType<CollaborationEnded>("collaboration.collaboration_ended");

            opts.Events.MapEventType<SectionsShared>("collaboration.sections_shared");
            opts.Events.MapEventType<PendingWorkReported>("collaboration.pending_work_reported");
            opts.Events.MapEventType<PendingWork.PendingItemCompleted>("collaboration.pending_item_completed");
            opts.Projections.Snapshot<ClientWork>(SnapshotLifecycle.Inline);
            opts.Schema.For<ClientWork>().DatabaseSchemaName(Schema);

            opts.Schema.For<CollaborationAccount>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true);
            // The one fold of a collaboration's stream: loaded for writing, read by both sides, answered by each write.
            opts.Projections.Snapshot<CollaborationView>(SnapshotLifecycle.Inline);
            opts.Schema.For<CollaborationView>().DatabaseSchemaName(Schema)
                .Index(c => c.PartnerAccountId).Index(c => c.ClientAccountId).GinIndexJsonData();
        });
        services.AddModuleDiscovery(typeof(CollaborationModule).Assembly);
        return services;
    }
}
