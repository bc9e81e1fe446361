using JasperFx.Events.Projections;

namespace Holded.Partners.Access.Reviews;

/// <summary>The access reviews' events and their folds, registered by the Access module.</summary>
public static class AccessReviews
{
    public static void Configure(StoreOptions opts)
    {
        opts.Events.MapEventType<AccessReviewStarted>("access.access_review_started");
        opts.Events.MapEventType<ReviewLineDecided>("access.review_line_decided");
        opts.Events.MapEventType<ReviewRemovalApplied>("access.review_removal_applied");
        opts.Events.MapEventType<ReviewLineKeptByRule>("access.review_line_kept_by_rule");
        opts.Events.MapEventType<AccessReviewCompleted>("access.access_review_completed");
        opts.Events.MapEventType<AccessReviewScheduleSet>("access.access_review_schedule_set");
        opts.Events.MapEventType<ScheduledAccessReviewDue>("access.scheduled_access_review_due");
        opts.Projections.Snapshot<AccessReview>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<AccessReviewSchedule>(SnapshotLifecycle.Inline);
        opts.Schema.For<AccessReview>().DatabaseSchemaName(AccessModule.Schema).Index(r => r.PartnerAccountId);
        opts.Schema.For<AccessReviewSchedule>().DatabaseSchemaName(AccessModule.Schema);
    }
}
