using Holded.Partners.Notifications.Inbox;
using Holded.Partners.Notifications.Replicas;

namespace Holded.Partners.Notifications.Sources;

/// <summary>
/// An access review started: the firm's administrators (but the one who started it) are told, since what none of them
/// confirms by the deadline is removed. A review the schedule started reaches them all.
/// </summary>
public static class AccessReviewNewsHandler
{
    public static async Task<OutgoingMessages> Handle(Access.AccessReviewStarted m, IDocumentSession session)
    {
        var firm = await session.LoadAsync<NotificationAccount>(m.PartnerAccountId);
        var (es, en) = m.Scheduled
            ? ("Ha empezado la revisión de accesos programada", "The scheduled access review has started")
            : ("Ha empezado una revisión de accesos", "An access review has started");
        return await Deliver.ToAsync(session, Audience.Managers(firm).Where(r => r.UserId != m.StartedBy), new News("access_review_started", $"{m.ReviewId}",
            $"{es} de {firm?.Name}: {m.Lines} accesos por confirmar antes del {m.Deadline:dd/MM/yyyy}; lo que no se confirme se quitará.",
            $"{en} at {firm?.Name}: {m.Lines} accesses to confirm by {m.Deadline:yyyy-MM-dd}; what is not confirmed will be removed.",
            $"/api/v1/access-reviews/{m.ReviewId}", m.PartnerAccountId));
    }
}
