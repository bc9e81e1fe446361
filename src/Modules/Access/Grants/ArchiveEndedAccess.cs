using Holded.Partners.Access.JustInTime;
using Holded.Partners.Access.Replicas;
using Holded.Partners.Access.Sessions;

namespace Holded.Partners.Access.Grants;

/// <summary>
/// An ended collaboration's access leaves the live event tables once its retention has passed: its grant's stream, its
/// sessions' and its just-in-time access'. Their documents, the trail and the GDPR record keep reading them. Only a
/// collaboration this module knows to have ended is archived; archiving twice changes nothing.
/// </summary>
public static class ArchiveEndedAccessHandler
{
    public static async Task Handle(Collaborations.ArchiveEndedCollaboration m, IDocumentSession session, CancellationToken ct)
    {
        if (await session.LoadAsync<AccessCollaboration>(m.CollaborationId, ct) is not { Started: true, Active: false }) return;
        var sessions = await session.Query<AccessSession>().Where(s => s.CollaborationId == m.CollaborationId).Select(s => s.Id).ToListAsync(ct);
        var justInTime = await session.Query<JustInTimeAccess>().Where(j => j.CollaborationId == m.CollaborationId).Select(j => j.Id).ToListAsync(ct);
        await session.ArchiveIfLiveAsync([Grant.IdFor(m.CollaborationId), .. sessions, .. justInTime], ct);
    }
}
