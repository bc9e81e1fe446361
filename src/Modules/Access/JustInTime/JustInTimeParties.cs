using JasperFx.Events;
using Holded.Partners.Access.Catalog;
using Holded.Partners.Access.Grants;
using Holded.Partners.Access.Replicas;

namespace Holded.Partners.Access.JustInTime;

/// <summary>A just-in-time request with the collaboration it is for, both accounts and the grant, as one value (Wolverine binds by type).</summary>
public sealed record JustInTimeParties(JustInTimeAccess Request, GrantParties Parties)
{
    /// <summary>The request's stream, loaded once for writing, and its parties: a request changed meanwhile fails the commit (409).</summary>
    public static async Task<(IEventStream<JustInTimeAccess>, JustInTimeParties?)> LoadForWritingAsync(Guid id, IDocumentSession session, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<JustInTimeAccess>(id, ct);
        return (stream, await LoadAsync(stream.Aggregate, session, ct));
    }

    public static async Task<JustInTimeParties?> LoadAsync(JustInTimeAccess? request, IQuerySession session, CancellationToken ct)
    {
        if (request is null) return null;
        var parties = await GrantParties.LoadAsync(request.CollaborationId, session, ct);
        return parties is null ? null : new JustInTimeParties(request, parties);
    }

    /// <summary>
    /// Who may see a request: the requester, the firm's administrators and the client's members. Anyone else (another
    /// account manager of the firm included) is told it does not exist.
    /// </summary>
    public bool Visible(Caller caller) =>
        caller.UserId == Request.UserId || Parties.Partner?.IsManagedBy(caller.UserId) == true || Parties.Client?.IsMember(caller.UserId) == true;

    /// <summary>The side a caller answers for: the firm's administrators, or the client's owners and admins.</summary>
    public string? SideOf(Caller caller) => CollaborationReach.DeciderSide(caller.UserId, Parties.Client, Parties.Partner);

    public JustInTimeView View(DateTimeOffset now) => JustInTimeView.Of(Request, Parties.Client, Parties.Partner, now);

    /// <summary>The request as GET answers it, read after a write commits: that write's answer.</summary>
    public static Committed<JustInTimeView> Answer(Guid id, TimeProvider clock) => Committed.Read(async (session, ct) =>
        (await LoadAsync(await session.LoadAsync<JustInTimeAccess>(id, ct), session, ct))!.View(clock.GetUtcNow()));

    /// <summary>What the grant gives now, per section, above none: the only sections just-in-time access can ask for.</summary>
    public static IReadOnlyDictionary<string, string> Grantable(GrantParties parties, DateTimeOffset now) =>
        parties.Grant is { InForce: true } grant && (grant.ExpiresAt is null || grant.ExpiresAt > now)
            ? AccessCatalog.Effective(grant.Role!, parties.Client?.Plan).Where(s => s.Value != Levels.None).ToDictionary()
            : new Dictionary<string, string>();
}

/// <summary>A just-in-time request as both sides read it, with the names of the people and accounts involved.</summary>
public sealed record JustInTimeView(
    Guid Id, Guid CollaborationId, Guid ClientAccountId, string? ClientName, Guid PartnerAccountId, string? PartnerName,
    string UserId, string? UserName, string Reason, IReadOnlyList<string> Sections, int Hours, bool ClientApprovalRequired, string Status,
    DateTimeOffset RequestedAt, string? FirmApprovedBy, string? ClientApprovedBy, DateTimeOffset? StartedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset? EndedAt, string? EndReason, IReadOnlyList<string> Awaiting)
{
    public static JustInTimeView Of(JustInTimeAccess r, AccountReplica? client, AccountReplica? firm, DateTimeOffset now) => new(
        r.Id, r.CollaborationId, r.ClientAccountId, client?.Name, r.PartnerAccountId, firm?.Name,
        r.UserId, firm?.Members.FirstOrDefault(m => m.UserId == r.UserId)?.Name, r.Reason, r.Sections, r.Hours, r.ClientApprovalRequired,
        r.StatusAt(now), r.RequestedAt, r.FirmApprovedBy, r.ClientApprovedBy, r.StartedAt, r.ExpiresAt, r.EndedAt, r.EndReason,
        [.. new[] { Contracts.Sides.Partner, Contracts.Sides.Client }.Where(r.Awaits)]);
}
