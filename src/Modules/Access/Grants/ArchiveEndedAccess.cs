using Holded.Partners.Access.JustInTime;
using Holded.Partners.Access.Replicas;
using Holded.Partners.Access.Sessions;

namespace Holded.Partners.Access.Grants;

/// <summary>
/// An ended collaboration's access is archived once its retention has passed (left out of every live read): its grant's stream, its
/// sessions' and its just-in-time access'. Their documents, the trail and the GDPR record keep reading them. Only a
/// collaboration this module knows to have ended is archived; archiving twice changes nothing.
/// </summary>
public static class ArchiveEndedAccessHandler
{
    public static async Task Handle(Collaborations.ArchiveEndedCollaboration m, IDocumentSession session, CancellationToken ct)
    {
        if (await session.LoadAsync<AccessCollaboration>(m.CollaborationId, ct) is not { Started: true, Active: false }) return;
        var batch = session.CreateBatchQuery();
        var sessions = batch.Query<AccessSession>().Where(s => s.CollaborationId == m.CollaborationId).Select(s => s.Id).ToList();
        var justInTime = batch.Query<JustInTimeAccess>().Where(j => j.CollaborationId == m.CollaborationId).Select(j => j.Id).ToList();
        await batch.Execute(ct);
        await session.ArchiveIfLiveAsync([Grant.IdFor(m.CollaborationId), .. await sessions, .. await justInTime], ct);
    }
}
