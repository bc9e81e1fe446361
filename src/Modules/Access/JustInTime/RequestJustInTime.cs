using Wolverine.Marten;
using Holded.Partners.Access.Grants;

namespace Holded.Partners.Access.JustInTime;

/// <param name="Hours">How long the access lasts once approved: 1 hour to 7 days (168 hours).</param>
public sealed record RequestJustInTime(string? Reason, string[]? Sections, int? Hours);

/// <summary>
/// What a request is checked against: the collaboration's parties, the client's setting, whether the caller has one
/// open, and how many they ever asked for this collaboration (the next one's id derives from that count).
/// </summary>
public sealed record JustInTimeAsking(GrantParties Parties, bool ClientApprovalRequired, bool AlreadyOpen, int Asked);

/// <summary>
/// Issue 16, capability 3: a firm member who is not assigned to a client asks for temporary access to it, with a reason,
/// the sections wanted (within the grant) and a duration. Nothing is reachable until the firm (and the client, when it
/// asks to) approves.
/// </summary>
public static class RequestJustInTimeEndpoint
{
    public const int MaxReason = 500, MinHours = 1, MaxHours = 7 * 24;

    public static async Task<JustInTimeAsking?> LoadAsync(Guid id, Caller caller, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var parties = await GrantParties.LoadAsync(id, session, ct);
        if (parties is null) return null;
        var policy = await session.LoadAsync<JustInTimePolicy>(JustInTimePolicy.IdFor(parties.Collaboration.ClientAccountId), ct);
        var now = clock.GetUtcNow();
        var asked = await session.Query<JustInTimeAccess>().Where(r => r.CollaborationId == id && r.UserId == caller.UserId).ToListAsync(ct);
        return new JustInTimeAsking(parties, policy?.RequireClientApproval == true, asked.Any(r => r.IsOpen(now)), asked.Count);
    }

    public static ProblemDetails Validate(RequestJustInTime command, JustInTimeAsking? asking, Caller caller, TimeProvider clock)
    {
        // Any member of the firm may learn the collaboration exists (it is in their firm's list); nobody else.
        if (asking is null || !(asking.Parties.Partner?.IsMember(caller.UserId) == true || asking.Parties.Client?.IsMember(caller.UserId) == true))
            return Problems.NotFound("collaboration");
        if (asking.Parties.Partner?.IsMember(caller.UserId) != true)
            return Problems.Forbidden("Just-in-time access is asked for by the firm's members.");
        var input = new Check()
            .Text("reason", command.Reason, MaxReason)
            .That(command.Sections is { Length: > 0 }, "sections", "must name at least one section.")
            .AllOf("sections", command.Sections, Catalogs.Sections, Catalogs.Sections.Count)
            .Range("hours", command.Hours, MinHours, MaxHours, required: true)
            .Result();
        return input.Status is not null ? input : Problems.RefuseIfAny(Broken(command, asking, caller, clock.GetUtcNow()));
    }

    public static IEnumerable<Rule> Broken(RequestJustInTime command, JustInTimeAsking asking, Caller caller, DateTimeOffset now)
    {
        var parties = asking.Parties;
        if (!parties.Collaboration.Active)
        {
            yield return new Rule("collaboration_ended", "The collaboration has ended; there is nothing to ask access to.");
            yield break;
        }
        if (parties.Reach(caller))
            yield return new Rule("already_reaches", "You already reach this client (as an administrator or its assigned manager): no temporary access is needed.");
        var grantable = JustInTimeParties.Grantable(parties, now);
        if (grantable.Count == 0)
            yield return new Rule("no_grant_in_force", "The client has granted the firm no access in force: there is nothing to ask access within.");
        else if (command.Sections!.Where(s => !grantable.ContainsKey(s)).ToArray() is { Length: > 0 } outside)
            yield return new Rule("sections_outside_grant",
                $"Just-in-time access stays within the client's grant, which does not give: {string.Join(", ", outside)}.");
        if (asking.AlreadyOpen)
            yield return new Rule("just_in_time_already_open", "You already have a request or access open for this client: end it or wait for its answer.");
    }

    public static JustInTimeRequested Decide(RequestJustInTime command, JustInTimeAsking asking, Guid id, string by, DateTimeOffset now)
    {
        var c = asking.Parties.Collaboration;
        var grantable = JustInTimeParties.Grantable(asking.Parties, now);
        var sections = Catalogs.Sections.Where(command.Sections!.Contains).ToArray(); // in the catalog's order
        return new JustInTimeRequested(id, c.Id, c.ClientAccountId, c.PartnerAccountId, by, command.Reason!.Trim(), sections,
            string.Join(' ', sections.Select(s => $"{s}:{grantable[s]}")), command.Hours!.Value, asking.ClientApprovalRequired);
    }

    public static Contract.JustInTimeRequested Told(JustInTimeRequested e, DateTimeOffset now) =>
        new(e.RequestId, e.CollaborationId, e.ClientAccountId, e.PartnerAccountId, e.UserId, e.Reason, e.Sections, e.Hours, e.ClientApprovalRequired, now);

    /// <summary>
    /// The member's n-th request for the collaboration has an id derived from n: two asked at once both count the same n,
    /// and the second start of that stream is refused (409), so a member never has two open.
    /// </summary>
    public static Guid IdFor(Guid collaborationId, string userId, int asked) => StableIds.For("just-in-time", $"{collaborationId:N}|{userId}|{asked}");

    [WolverinePost("/api/v1/collaborations/{id}/just-in-time")]
    public static (CreationResponse<Guid>, IStartStream, OutgoingMessages) Post(
        Guid id, RequestJustInTime command, [NotBody] JustInTimeAsking asking, Caller caller, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var requested = Decide(command, asking, IdFor(id, caller.UserId, asking.Asked), caller.UserId, now);
        return (new CreationResponse<Guid>($"/api/v1/just-in-time/{requested.RequestId}", requested.RequestId),
            MartenOps.StartStream<JustInTimeAccess>(requested.RequestId, requested), [Told(requested, now)]);
    }
}
