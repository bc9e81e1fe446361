using Holded.Partners.Collaboration.Accounts;

namespace Holded.Partners.Collaboration.PendingWork;

public sealed record ShareSections(IReadOnlyList<string>? Sections);

public sealed record SharedSections(Guid ClientAccountId, IReadOnlyList<string> Sections);

/// <summary>
/// Step 10: the client's owners and admins choose which sections' pending work its firms may see. Nothing is shared
/// until they say; saying the same again records nothing.
/// </summary>
public static class ShareSectionsEndpoint
{
    public static Task<CollaborationAccount?> LoadAsync(Guid accountId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<CollaborationAccount>(accountId, ct);

    public static ProblemDetails Validate(ShareSections command, CollaborationAccount? account, Caller caller) =>
        RequireClientManager(account, caller) is { Status: not null } refused
            ? refused
            : new Check()
                .That(command.Sections is not null, "sections", $"is required: the sections to share (an empty list shares none); any of {string.Join(", ", Catalogs.Sections)}.")
                .AllOf("sections", command.Sections, Catalogs.Sections, Catalogs.Sections.Count)
                .Result();

    /// <summary>The client's owners and admins; anyone else is told the account does not exist.</summary>
    public static ProblemDetails RequireClientManager(CollaborationAccount? account, Caller caller) =>
        account is { Kind: AccountKinds.Business } && CollaborationReach.DeciderSide(caller.UserId, account, firm: null) == Contracts.Sides.Client
            ? Problems.None
            : Problems.NotFound("client");

    /// <summary>The choice, unless it is what is shared already (nothing shared is the start).</summary>
    public static IReadOnlyList<object> Decide(ClientWork? work, Guid client, IReadOnlyList<string> sections, string by) =>
        (work?.Shared ?? []).SequenceEqual(sections) ? [] : [new SectionsShared(client, sections, by)];

    [WolverinePut("/api/v1/clients/{accountId}/shared-sections")]
    public static async Task<SharedSections> Put(
        Guid accountId, ShareSections command, Caller caller, IDocumentSession session, CancellationToken ct)
    {
        // In the catalog's order, whatever order they came in: the same choice is the same list.
        var sections = Catalogs.Sections.Where(command.Sections!.Contains).ToArray();
        var stream = await session.Events.FetchForExclusiveWriting<ClientWork>(ClientWork.IdFor(accountId), ct);
        if (Decide(stream.Aggregate, accountId, sections, caller.UserId) is { Count: > 0 } events) stream.AppendMany(events);
        // What is shared once this commits: the choice, whether it was new or said again.
        return new SharedSections(accountId, sections);
    }
}

/// <summary>The client's owners and admins read what they share.</summary>
public static class ReadSharedSectionsEndpoint
{
    public static Task<CollaborationAccount?> LoadAsync(Guid accountId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<CollaborationAccount>(accountId, ct);

    public static ProblemDetails Validate(CollaborationAccount? account, Caller caller) =>
        ShareSectionsEndpoint.RequireClientManager(account, caller);

    [WolverineGet("/api/v1/clients/{accountId}/shared-sections")]
    public static async Task<SharedSections> Get(Guid accountId, IQuerySession session, CancellationToken ct) =>
        new(accountId, (await session.LoadAsync<ClientWork>(ClientWork.IdFor(accountId), ct))?.Shared ?? []);
}
