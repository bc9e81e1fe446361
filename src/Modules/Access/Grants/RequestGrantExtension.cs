using JasperFx.Events;

namespace Holded.Partners.Access.Grants;

/// <summary><paramref name="Reason"/>: why the firm needs longer, in its own words, for the client to read (optional).</summary>
public sealed record RequestGrantExtension(DateTimeOffset? ExpiresAt, string? Reason = null);

/// <summary>
/// The firm asks the client, before its access expires, to let it last longer: the client approves in one click
/// (<see cref="AnswerGrantExtensionEndpoint"/>). An expired grant stays expired: the client grants again.
/// </summary>
public static class RequestGrantExtensionEndpoint
{
    /// <summary>An extension reaches at most a year past the day it is asked (a grant's whole life is capped at two).</summary>
    public static readonly TimeSpan MaxReach = TimeSpan.FromDays(365);
    public const int MaxReason = 500;

    public static Task<(IEventStream<Grant>, GrantParties?)> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        SetAccessGrantEndpoint.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(RequestGrantExtension command, GrantParties? parties, Caller caller, TimeProvider clock)
    {
        if (parties is null) return Problems.NotFound("collaboration");
        var access = parties.RequireFirmManager(caller);
        if (access.Status is not null) return access;
        var input = new Check().That(command.ExpiresAt is not null, "expiresAt", "The wanted new expiry is required.")
            .Text("reason", command.Reason, MaxReason, required: false).Result();
        return input.Status is not null ? input : Problems.RefuseIfAny(Broken(command.ExpiresAt!.Value, parties, clock.GetUtcNow()));
    }

    public static IEnumerable<Rule> Broken(DateTimeOffset wanted, GrantParties parties, DateTimeOffset now)
    {
        var grant = parties.Grant;
        if (!parties.Collaboration.Active)
            yield return new Rule("collaboration_ended", "The collaboration has ended; there is no access to extend.");
        else if (grant is null || grant.Status is GrantStatus.Removed or GrantStatus.Terminated)
            yield return new Rule("no_grant_in_force", "There is no access in force to extend.");
        else if (grant.Status == GrantStatus.Expired || grant.ExpiresAt <= now)
            yield return new Rule("grant_expired", "The access has expired; the client must grant it again.");
        else if (grant.ExpiresAt is not { } expires)
            yield return new Rule("grant_without_expiry", "The access has no expiry: it lasts until the client removes it.");
        else
        {
            if (grant.PendingExtension is not null)
                yield return new Rule("extension_already_pending", "An extension request is already waiting for the client.");
            if (wanted <= expires)
                yield return new Rule("extension_not_later", $"An extension must end after the current expiry ({expires:yyyy-MM-dd}).");
            if (wanted > now + MaxReach)
                yield return new Rule("extension_beyond_a_year", $"An extension reaches at most a year ahead: by {(now + MaxReach):yyyy-MM-dd}.");
        }
    }

    /// <summary>The request as recorded; the id is the caller's to give, so one firm-wide ask can make many.</summary>
    public static AccessExtensionRequested Decide(Grant grant, Guid requestId, DateTimeOffset wanted, string by, string? reason = null) =>
        new(grant.CollaborationId, grant.ClientAccountId, grant.PartnerAccountId, requestId, grant.Role!, grant.ExpiresAt!.Value, wanted, by,
            string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());

    public static Contract.AccessExtensionRequested Told(AccessExtensionRequested e, DateTimeOffset now) =>
        new(e.CollaborationId, e.ClientAccountId, e.PartnerAccountId, e.RequestId, e.ToExpiresAt, e.By, now);

    /// <summary>Two requests at once: both passed Validate on one version, and the second commit is refused (409).</summary>
    [WolverinePost("/api/v1/collaborations/{id}/access-grant/extension-requests")]
    public static (Committed<GrantView>, OutgoingMessages) Post(
        Guid id, RequestGrantExtension command, IEventStream<Grant> stream, [NotBody] GrantParties parties, Caller caller, TimeProvider clock)
    {
        var requested = Decide(parties.Grant!, Guid.NewGuid(), command.ExpiresAt!.Value, caller.UserId, command.Reason);
        stream.AppendOne(requested);
        return (GrantParties.Answer(id, clock), [Told(requested, clock.GetUtcNow())]);
    }
}
