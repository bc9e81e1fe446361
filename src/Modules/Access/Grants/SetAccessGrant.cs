using Holded.Partners.Access.Catalog;
using JasperFx.Events;

namespace Holded.Partners.Access.Grants;

/// <summary><paramref name="RenewEvery"/>: days the grant renews itself by at each expiry (30 to 365), or null for it to expire.</summary>
public sealed record SetAccessGrant(string? Role, DateTimeOffset? ExpiresAt, int? RenewEvery = null);

/// <summary>
/// Step 6: the client grants the collaborating firm access with a role, optionally until a date (at most two years);
/// the same call changes the role or the expiry of the grant in force.
/// </summary>
public static class SetAccessGrantEndpoint
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(2 * 365);
    public static readonly int[] ReminderDays = [30, 7, 1];
    public const int MinRenewal = 30, MaxRenewal = 365;

    /// <summary>
    /// The grant's stream, loaded once for writing (its id derives from the collaboration's), and the parties holding
    /// that very grant: Validate reads what is written, and a grant changed meanwhile fails the commit (409).
    /// </summary>
    public static async Task<(IEventStream<Grant>, GrantParties?)> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Grant>(Grant.IdFor(id), ct);
        return (stream, await GrantParties.LoadAsync(id, stream.Aggregate, session, ct));
    }

    public static ProblemDetails Validate(SetAccessGrant command, GrantParties? parties, Caller caller, TimeProvider clock)
    {
        if (parties is null) return Problems.NotFound("collaboration");
        var access = parties.RequireClientManager(caller);
        if (access.Status is not null) return access;
        var input = new Check().OneOf("role", command.Role, AccessCatalog.RoleNames).Range("renewEvery", command.RenewEvery, MinRenewal, MaxRenewal).Result();
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
        if (command.RenewEvery is not null && command.ExpiresAt is null)
            yield return new Rule("renewal_without_expiry", "Only access with an expiry renews itself: give it an expiry.");
    }

    /// <summary>What the command records on the grant as it is: a grant, a change, or nothing when it says what is already so.</summary>
    public static object? Decide(SetAccessGrant command, GrantParties parties, string by)
    {
        var (c, grant) = (parties.Collaboration, parties.Grant);
        if (grant is not { InForce: true })
            return new AccessGranted(c.Id, c.ClientAccountId, c.PartnerAccountId, command.Role!, command.ExpiresAt, by, (grant?.Generation ?? 0) + 1, command.RenewEvery);
        if (grant.Role == command.Role && grant.ExpiresAt == command.ExpiresAt && grant.RenewEvery == command.RenewEvery) return null;
        // A new expiry starts a new generation: what was scheduled for the old one finds it stale.
        var generation = grant.ExpiresAt == command.ExpiresAt ? grant.Generation : grant.Generation + 1;
        return new AccessGrantChanged(c.Id, c.ClientAccountId, c.PartnerAccountId, grant.Role!, command.Role!, grant.ExpiresAt, command.ExpiresAt, by, generation, command.RenewEvery);
    }

    /// <summary>What a generation with an expiry schedules: the expiry itself, and the reminders still ahead of it.</summary>
    public static IEnumerable<object> Scheduled(Guid collaborationId, int generation, DateTimeOffset expires, DateTimeOffset now)
    {
        yield return new ExpireGrant(collaborationId, generation).ScheduledAt(expires);
        foreach (var days in ReminderDays.Where(d => expires.AddDays(-d) > now))
            yield return new RemindGrantExpiry(collaborationId, generation, days).ScheduledAt(expires.AddDays(-days));
    }

    [WolverinePut("/api/v1/collaborations/{id}/access-grant")]
    public static (Committed<GrantView>, OutgoingMessages) Put(
        Guid id, SetAccessGrant command, IEventStream<Grant> stream, [NotBody] GrantParties parties, Caller caller, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var messages = new OutgoingMessages();
        var (expires, generation) = (command.ExpiresAt, 0);
        switch (Decide(command, parties, caller.UserId))
        {
            case AccessGranted granted:
                stream.AppendOne(granted);
                generation = granted.Generation;
                messages.Add(new Contract.AccessGranted(id, granted.ClientAccountId, granted.PartnerAccountId, granted.Role, granted.ExpiresAt, caller.UserId, now));
                break;
            case AccessGrantChanged changed:
                stream.AppendOne(changed);
                if (changed.Generation != parties.Grant!.Generation) generation = changed.Generation;
                messages.Add(new Contract.AccessGrantChanged(id, changed.ClientAccountId, changed.PartnerAccountId, changed.FromRole, changed.ToRole, changed.ToExpiresAt, caller.UserId, now));
                break;
            default:
                return (GrantParties.Answer(id, clock), messages); // saying again what is already so records nothing
        }

        // A new generation with an expiry: its expiry, and the reminders still ahead of it, are scheduled.
        if (expires is { } at && generation != 0) messages.AddRange(Scheduled(id, generation, at, now));
        return (GrantParties.Answer(id, clock), messages);
    }
}
