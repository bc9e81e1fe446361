using Holded.Partners.Access.Catalog;

namespace Holded.Partners.Access.Grants;

public sealed record SetAccessGrant(string? Role, DateTimeOffset? ExpiresAt);

/// <summary>
/// Step 6: the client grants the collaborating firm access with a role, optionally until a date (at most two years);
/// the same call changes the role or the expiry of the grant in force.
/// </summary>
public static class SetAccessGrantEndpoint
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(2 * 365);
    public static readonly int[] ReminderDays = [30, 7, 1];

    public static Task<GrantParties?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) => GrantParties.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(SetAccessGrant command, GrantParties? parties, Caller caller, TimeProvider clock)
    {
        if (parties is null) return Problems.NotFound("collaboration");
        var access = parties.RequireClientManager(caller);
        if (access.Status is not null) return access;
        var input = new Check().OneOf("role", command.Role, AccessCatalog.RoleNames).Result();
        return input.Status is not null ? input : Problems.RefuseIfAny(Broken(command, parties, clock.GetUtcNow()));
    }

    public static IEnumerable<Rule> Broken(SetAccessGrant command, GrantParties parties, DateTimeOffset now)
    {
        if (!parties.Collaboration.Active)
            yield return new Rule("collaboration_ended", "The collaboration has ended; access is granted only within an active one.");
        if (command.ExpiresAt is { } expires && expires <= now)
            yield return new Rule("expiry_in_the_past", "The expiry must be in the future, or left out for access until removed.");
        if (command.ExpiresAt is { } far && far > now + MaxLifetime)
            yield return new Rule("expiry_beyond_two_years", $"Access lasts at most two years: expire it by {(now + MaxLifetime):yyyy-MM-dd}.");
    }

    [WolverinePut("/api/v1/collaborations/{id}/access-grant")]
    public static async Task<(GrantView, OutgoingMessages)> Put(
        Guid id, SetAccessGrant command, [NotBody] GrantParties parties, Caller caller, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stream = await session.Events.FetchForWriting<Grant>(Grant.IdFor(id), ct);
        var grant = stream.Aggregate;
        var c = parties.Collaboration;
        var messages = new OutgoingMessages();
        var generation = (grant?.Generation ?? 0) + 1;
        if (grant is not { InForce: true })
        {
            stream.AppendOne(new AccessGranted(id, c.ClientAccountId, c.PartnerAccountId, command.Role!, command.ExpiresAt, caller.UserId, generation));
            messages.Add(new Contract.AccessGranted(id, c.ClientAccountId, c.PartnerAccountId, command.Role!, command.ExpiresAt, caller.UserId, now));
        }
        else if (grant.Role != command.Role || grant.ExpiresAt != command.ExpiresAt)
        {
            // A new expiry starts a new generation: what was scheduled for the old one finds it stale.
            if (grant.ExpiresAt == command.ExpiresAt) generation = grant.Generation;
            stream.AppendOne(new AccessGrantChanged(id, c.ClientAccountId, c.PartnerAccountId, grant.Role!, command.Role!, grant.ExpiresAt, command.ExpiresAt, caller.UserId, generation));
            messages.Add(new Contract.AccessGrantChanged(id, c.ClientAccountId, c.PartnerAccountId, grant.Role!, command.Role!, command.ExpiresAt, caller.UserId, now));
        }
        else return (parties.View(now), messages); // saying again what is already so records nothing

        if (command.ExpiresAt is { } expires && generation != grant?.Generation)
        {
            messages.Add(new ExpireGrant(id, generation).ScheduledAt(expires));
            foreach (var days in ReminderDays.Where(d => expires.AddDays(-d) > now))
                messages.Add(new RemindGrantExpiry(id, generation, days).ScheduledAt(expires.AddDays(-days)));
        }
        var after = grant is { InForce: true }
            ? grant with { Role = command.Role, ExpiresAt = command.ExpiresAt, Generation = generation }
            : new Grant(Grant.IdFor(id), id, c.ClientAccountId, c.PartnerAccountId, GrantStatus.Active, command.Role, command.ExpiresAt, generation, now);
        return ((parties with { Grant = after }).View(now), messages);
    }
}
