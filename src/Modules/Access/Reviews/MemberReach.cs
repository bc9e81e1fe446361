using Holded.Partners.Access.Replicas;
using Holded.Partners.Access.Sessions;
using Wolverine;

namespace Holded.Partners.Access.Reviews;

/// <summary>A client the member reaches today, and whether through an assignment or as an administrator (who reaches all).</summary>
public sealed record ReachedClient(Guid CollaborationId, Guid ClientAccountId, string? ClientName, bool Assigned);

public sealed record OpenSessionSeen(Guid SessionId, Guid ClientAccountId, string? ClientName, string Role, DateTimeOffset OpenedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// The leaver view: everything one member of the firm reaches today, and how to end it. <paramref name="RemoveWith"/>
/// names the one action that ends it all: removing the member from the firm, which ends their assignments and sessions
/// at once and revokes the invitations they sent, in one transaction.
/// </summary>
public sealed record MemberReach(
    Guid PartnerAccountId, string UserId, string Name, string Email, string Role, IReadOnlyList<ReachedClient> Clients,
    IReadOnlyList<OpenSessionSeen> Sessions, IReadOnlyList<Onboarding.SentInvitation> Invitations, string RemoveWith);

/// <summary>
/// For a firm's administrators. Clients and sessions come from Access's own state; the pending invitations the member
/// sent are Onboarding's, asked through a contracts question (as the processing record asks Collaboration).
/// </summary>
public static class GetMemberReachEndpoint
{
    public static Task<AccessAccount?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) => session.LoadAsync<AccessAccount>(id, ct);

    public static ProblemDetails Validate(AccessAccount? firm, string userId, Caller caller)
    {
        var access = ReviewAccess.RequireAdministrator(firm, caller);
        if (access.Status is not null) return access;
        return firm!.IsMember(userId) ? Problems.None : Problems.NotFound("member");
    }

    [WolverineGet("/api/v1/partners/{id}/members/{userId}/reach")]
    public static async Task<MemberReach> Get(Guid id, string userId, AccessAccount firm, IQuerySession session, IMessageBus bus, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var member = firm.Member(userId)!;
        var administrator = firm.IsManagedBy(userId);
        var collaborations = (await session.Query<AccessCollaboration>().Where(c => c.PartnerAccountId == id).ToListAsync(ct))
            .Where(c => c.Active && (administrator || c.IsManager(userId))).ToList();
        var sessions = (await session.Query<AccessSession>().Where(s => s.PartnerAccountId == id && s.UserId == userId && s.ExpiresAt > now).ToListAsync(ct))
            .Where(s => collaborations.Any(c => c.Id == s.CollaborationId)).OrderByDescending(s => s.OpenedAt).ToList(); // a session outside their reach no longer works
        var clients = (await session.LoadManyAsync<AccessAccount>(ct, collaborations.Select(c => c.ClientAccountId).Concat(sessions.Select(s => s.ClientAccountId)).Distinct()))
            .ToDictionary(a => a.Id, a => a.Name);
        var invitations = (await bus.InvokeAsync<Onboarding.InvitationsSent>(new Onboarding.AskInvitationsSent(id, userId, now), ct)).Invitations;
        return new MemberReach(id, userId, member.Name, member.Email, member.Role,
            [.. collaborations.Select(c => new ReachedClient(c.Id, c.ClientAccountId, clients.GetValueOrDefault(c.ClientAccountId), c.IsManager(userId)))
                .OrderBy(c => c.ClientName)],
            [.. sessions.Select(s => new OpenSessionSeen(s.Id, s.ClientAccountId, clients.GetValueOrDefault(s.ClientAccountId), s.Role, s.OpenedAt, s.ExpiresAt))],
            invitations, $"DELETE /api/v1/accounts/{id}/members/{userId}");
    }
}
