using Holded.Partners.Collaboration.Collaborations;
using Microsoft.AspNetCore.Http;
using AccessContract = Holded.Partners.Contracts.Access;

namespace Holded.Partners.Collaboration.PendingWork;

public sealed record ItemCompletion(Guid CollaborationId, string Section, string ItemId, bool Completed);

/// <summary>
/// A firm member with write access on the section completes a pending item. Completing it again is harmless. Without
/// write access the member is refused with Access's reason; an item they may not even see does not exist for them.
/// </summary>
public static class CompletePendingItemEndpoint
{
    public static Task<Parties?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) => CollaborationAccess.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(Parties? parties, string section, Caller caller) =>
        ReadPendingWorkEndpoint.RequireFirmSide(parties, caller) is { Status: not null } refused ? refused
        : Catalogs.Sections.Contains(section) ? Problems.None
        : Problems.NotFound("section");

    [WolverinePost("/api/v1/collaborations/{id}/pending-work/{section}/items/{itemId}/complete")]
    public static async Task<(IResult, OutgoingMessages)> Post(
        Guid id, string section, string itemId, [NotBody] Parties parties, Caller caller,
        IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct)
    {
        var client = parties.View.ClientAccountId;
        var access = (await bus.InvokeAsync<AccessContract.MemberAccess>(new AccessContract.AskMemberAccess(caller.UserId, client, id), ct)).Sections[section];
        var stream = await session.Events.FetchForExclusiveWriting<ClientWork>(ClientWork.IdFor(client), ct);
        var work = stream.Aggregate ?? ClientWork.New(client);
        var item = work.Section(section).Items.FirstOrDefault(i => i.Id == itemId);
        if (!work.Shares(section) || access.Level == AccessContract.Levels.None || item is null) return (Results.Problem(Problems.NotFound("item")), []);
        if (!access.MayWrite)
        {
            var refused = Problems.Forbidden($"You may not complete {section} items for this client: {access.Reason}.");
            refused.Extensions["reason"] = access.Reason;
            return (Results.Problem(refused), []);
        }
        var done = Results.Ok(new ItemCompletion(id, section, itemId, true));
        if (work.Section(section).Completed.Contains(itemId)) return (done, []);

        var before = work.Section(section).PendingCount;
        var completed = new PendingItemCompleted(client, section, itemId, id, caller.UserId);
        stream.AppendOne(completed);
        var now = clock.GetUtcNow();
        return (done, [
            work.Apply(completed).Changed(section, before, stream.CurrentVersion ?? 0, now),
            new Contract.PendingItemCompleted(client, id, parties.View.PartnerAccountId, section, itemId, caller.UserId, now),
        ]);
    }
}
