namespace Holded.Partners.Collaboration.Collaborations;

/// <summary>
/// The collaboration's stream is archived once its retention has passed: left out of every live read (and moved to the
/// archived partition where archived-stream partitioning is on). Its view stays, and so does every history read of it. A
/// collaboration still running is never archived, whoever sends the message; archiving twice changes nothing.
/// </summary>
public static class ArchiveEndedCollaborationHandler
{
    public static async Task Handle(Contract.ArchiveEndedCollaboration m, IDocumentSession session, CancellationToken ct)
    {
        if (await session.LoadAsync<CollaborationView>(m.CollaborationId, ct) is { IsActive: false })
            await session.ArchiveIfLiveAsync([m.CollaborationId], ct);
    }
}
