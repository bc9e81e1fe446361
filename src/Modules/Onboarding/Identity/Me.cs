using Holded.Partners.Onboarding.Team;

namespace Holded.Partners.Onboarding.Identity;

public sealed record MeResponse(
    string UserId, string Email, string Name, string? PlatformRole, IReadOnlyList<string> Scopes,
    IReadOnlyList<Membership> Memberships, IReadOnlyList<InvitationView> PendingInvitations);

public static class MeEndpoint
{
    /// <summary>Who the token says you are, and what this system says you belong to.</summary>
    [WolverineGet("/api/v1/me")]
    public static async Task<MeResponse> Get(Caller caller, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var memberships = caller.UserId.Length == 0 ? null : await session.LoadAsync<UserMemberships>(caller.UserId, ct);
        var now = clock.GetUtcNow();
        var invitations = !caller.IsPerson || !caller.EmailVerified
            ? []
            : await session.Query<InvitationView>()
                .Where(i => i.Email == caller.Email && i.Status == InvitationStatus.Pending && i.ExpiresAt > now)
                .OrderBy(i => i.InvitedAt)
                .Take(50)
                .ToListAsync(ct);
        return new MeResponse(caller.UserId, caller.Email, caller.Name, caller.PlatformRole, caller.Scopes.Order().ToArray(),
            memberships?.Memberships ?? [], invitations);
    }
}
