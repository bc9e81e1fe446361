using Holded.Partners.Collaboration.Collaborations;
using JasperFx.Events;
using AccessContract = Holded.Partners.Contracts.Access;

namespace Holded.Partners.Collaboration.PendingWork;

public sealed record ItemCompletion(Guid CollaborationId, string Section, string ItemId, bool Completed);

/// <summary>
/// What completing an item reads: the collaboration and its accounts, what Access lets the member do, and the client's
/// work, loaded for writing and locked (two completions at once take turns: the second finds it done).
/// </summary>
public sealed record Completion(CollaborationParties? Parties, AccessContract.MemberAccess? Access, IEventStream<ClientWork>? Stream)
{
    public ClientWork Work => Stream?.Aggregate ?? ClientWork.New(Parties!.View.ClientAccountId);
}

/// <summary>
/// A firm member with write access on the section completes a pending item. Completing it again is harmless. Without
/// write access the member is refused with Access's reason; an item they may not even see does not exist for them.
/// </summary>
public static class CompletePendingItemEndpoint
{
    public static async Task<Completion> LoadAsync(
        Guid id, string section, Caller caller, IDocumentSession session, IMessageBus bus, CancellationToken ct)
    {
        var parties = await CollaborationAccess.LoadAsync(id, session, ct);
        if (parties is null || !Catalogs.Sections.Contains(section)) return new Completion(parties, null, null);
        var client = parties.View.ClientAccountId;
        var access = await bus.InvokeAsync<AccessContract.MemberAccess>(new AccessContract.AskMemberAccess(caller.UserId, client, id), ct);
        var stream = await session.Events.FetchForExclusiveWriting<ClientWork>(ClientWork.IdFor(client), ct);
        return new Completion(parties, access, stream);
    }

    public static ProblemDetails Validate(Completion completion, string section, string itemId, Caller caller)
    {
        if (ReadPendingWorkEndpoint.RequireFirmSide(completion.Parties, caller) is { Status: not null } refused) return refused;
        if (!Catalogs.Sections.Contains(section)) return Problems.NotFound("section");
        var (work, access) = (completion.Work, completion.Access!.Sections[section]);
        if (!work.Shares(section) || access.Level == AccessContract.Levels.None || work.Section(section).Items.All(i => i.Id != itemId))
            return Problems.NotFound("item");
        if (access.MayWrite) return Problems.None;
        var forbidden = Problems.Forbidden($"You may not complete {section} items for this client: {access.Reason}.");
        forbidden.Extensions["reason"] = access.Reason;
        return forbidden;
    }

    /// <summary>The completion, unless the item is completed already; and what the others are told of it.</summary>
    public static (IReadOnlyList<object> Events, IReadOnlyList<object> Told) Decide(
        ClientWork work, CollaborationView collaboration, string section, string itemId, string by, long version, DateTimeOffset now)
    {
        if (work.Section(section).Completed.Contains(itemId)) return ([], []);
        var completed = new PendingItemCompleted(work.ClientAccountId, section, itemId, collaboration.Id, by);
        return ([completed], [
            work.Apply(completed).Changed(section, work.Section(section).PendingCount, version + 1, now),
            new Contract.PendingItemCompleted(work.ClientAccountId, collaboration.Id, collaboration.PartnerAccountId, section, itemId, by, now),
        ]);
    }

    [WolverinePost("/api/v1/collaborations/{id}/pending-work/{section}/items/{itemId}/complete")]
    public static (ItemCompletion, OutgoingMessages) Post(
        Guid id, string section, string itemId, [NotBody] Completion completion, Caller caller, TimeProvider clock)
    {
        var stream = completion.Stream!;
        var (events, told) = Decide(completion.Work, completion.Parties!.View, section, itemId, caller.UserId, stream.CurrentVersion ?? 0, clock.GetUtcNow());
        if (events.Count > 0) stream.AppendMany(events);
        return (new ItemCompletion(id, section, itemId, true), [.. told]);
    }
}
