using Microsoft.AspNetCore.Http;
using Holded.Partners.Collaboration.Collaborations;
using AccessContract = Holded.Partners.Contracts.Access;

namespace Holded.Partners.Collaboration.PendingWork;

public sealed record GoToLink(string Path, string Label);

public sealed record SectionPendingWork(string Section, string Kpi, int Pending, bool MayComplete, GoToLink GoTo, IReadOnlyList<PendingItem> Items);

public sealed record CollaborationPendingWork(Guid CollaborationId, Guid ClientAccountId, IReadOnlyList<SectionPendingWork> Sections);

/// <summary>
/// Step 10, the firm's side: per section the client shares *and* the member may read (Access decides), the pending
/// items, their count and the section's "Go to" link. Nothing of any other section is shown.
/// </summary>
public static class ReadPendingWorkEndpoint
{
    public static Task<CollaborationParties?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) => CollaborationAccess.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(CollaborationParties? parties, Caller caller) => RequireFirmSide(parties, caller);

    /// <summary>The firm's administrators and the collaboration's managers; the client reads its pending work in the ERP.</summary>
    public static ProblemDetails RequireFirmSide(CollaborationParties? parties, Caller caller) =>
        CollaborationAccess.RequireReach(parties, caller) is { Status: not null } unreachable ? unreachable
        : parties!.Partner?.IsMember(caller.UserId) == true ? Problems.None
        : Problems.Forbidden("Pending work is the firm's view of the client; the client sees its own in the ERP.");

    [WolverineGet("/api/v1/collaborations/{id}/pending-work")]
    public static async Task<CollaborationPendingWork> Get(
        Guid id, [NotBody] CollaborationParties parties, Caller caller, HttpContext http, IQuerySession session, IMessageBus bus, CancellationToken ct)
    {
        var client = parties.View.ClientAccountId;
        var access = await bus.InvokeAsync<AccessContract.MemberAccess>(new AccessContract.AskMemberAccess(caller.UserId, client, id), ct);
        var work = await session.LoadAsync<ClientWork>(ClientWork.IdFor(client), ct) ?? ClientWork.New(client);
        return new CollaborationPendingWork(id, client, Visible(work, access, Language.Of(http.Request) == Language.English));
    }

    /// <summary>Shared by the client and readable by the member: the intersection, in the catalog's order.</summary>
    public static IReadOnlyList<SectionPendingWork> Visible(ClientWork work, AccessContract.MemberAccess access, bool english) =>
        [.. Catalogs.Sections
            .Where(s => work.Shares(s) && access.Sections[s].Level != AccessContract.Levels.None)
            .Select(s =>
            {
                var pending = work.Section(s).Pending.ToArray();
                var goTo = Catalogs.GoTo[s];
                return new SectionPendingWork(s, Catalogs.KpiOfSection[s], pending.Length, access.Sections[s].MayWrite,
                    new GoToLink(goTo.Path, english ? goTo.En : goTo.Es), pending);
            })];
}
