using JasperFx.Events;

namespace Holded.Partners.Access.Grants;

public static class GrantStatus
{
    public const string None = "none";
    public const string Active = "active";
    public const string Removed = Contract.GrantEndReasons.Removed;
    public const string Expired = Contract.GrantEndReasons.Expired;
    public const string Terminated = Contract.GrantEndReasons.Terminated;
}

/// <summary>Every grant event names its collaboration and both accounts: the audit trail reads each event on its own.</summary>
public interface IGrantEvent
{
    Guid CollaborationId { get; }
    Guid ClientAccountId { get; }
    Guid PartnerAccountId { get; }
}

public sealed record AccessGranted(
    Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string Role, DateTimeOffset? ExpiresAt, string By, int Generation, int? RenewEvery = null) : IGrantEvent;

public sealed record AccessGrantChanged(
    Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string FromRole, string ToRole, DateTimeOffset? FromExpiresAt, DateTimeOffset? ToExpiresAt, string By, int Generation,
    int? RenewEvery = null) : IGrantEvent;

/// <summary>At its expiry a grant the client set to renew itself lasts <paramref name="RenewEvery"/> days more, as a new generation.</summary>
public sealed record AccessRenewed(
    Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string Role, DateTimeOffset FromExpiresAt, DateTimeOffset ToExpiresAt, int RenewEvery, int Generation) : IGrantEvent;

public sealed record AccessRemoved(Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string Role, string By) : IGrantEvent;

public sealed record AccessExpired(Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string Role, DateTimeOffset ExpiresAt) : IGrantEvent;

public sealed record AccessTerminated(Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string Role, string Reason) : IGrantEvent;

/// <summary>The firm asks the client to move the expiry of a grant in force to <paramref name="ToExpiresAt"/>.</summary>
public sealed record AccessExtensionRequested(
    Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, Guid RequestId, string Role, DateTimeOffset FromExpiresAt, DateTimeOffset ToExpiresAt, string By,
    string? Reason = null) : IGrantEvent;

/// <summary>The client approved the firm's request: the expiry moved, as a new generation (what was scheduled for the old one is stale).</summary>
public sealed record AccessExtended(
    Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, Guid RequestId, string Role, DateTimeOffset FromExpiresAt, DateTimeOffset ToExpiresAt, string By, int Generation) : IGrantEvent;

public sealed record AccessExtensionDeclined(
    Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, Guid RequestId, string Role, DateTimeOffset ToExpiresAt, string By) : IGrantEvent;

/// <summary>A firm's request to extend a grant, waiting for the client: at most one per grant.</summary>
public sealed record ExtensionRequest(Guid Id, DateTimeOffset ExpiresAt, string By, DateTimeOffset At, string? Reason = null);

/// <summary>
/// The access a client grants a collaborating firm: one grant in force per collaboration, on one stream. Each grant or
/// change of expiry is a new generation, so a scheduled expiry or reminder of an older one finds it stale.
/// </summary>
public sealed record Grant(
    Guid Id, Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string Status, string? Role,
    DateTimeOffset? ExpiresAt, int Generation, DateTimeOffset? Since, ExtensionRequest? PendingExtension = null, int? RenewEvery = null)
{
    public long Version { get; set; }

    public bool InForce => Status == GrantStatus.Active;

    public static Guid IdFor(Guid collaborationId) => StableIds.For("access-grant", collaborationId);

    public static Grant Create(IEvent<AccessGranted> e) => new(
        Grant.IdFor(e.Data.CollaborationId), e.Data.CollaborationId, e.Data.ClientAccountId, e.Data.PartnerAccountId,
        GrantStatus.Active, e.Data.Role, e.Data.ExpiresAt, e.Data.Generation, e.At(), null, e.Data.RenewEvery);

    public Grant Apply(IEvent<AccessGranted> e) => Create(e);

    // The client setting the expiry itself answers the firm's request: it is no longer pending.
    public Grant Apply(AccessGrantChanged e) => this with
    {
        Role = e.ToRole, ExpiresAt = e.ToExpiresAt, Generation = e.Generation, RenewEvery = e.RenewEvery,
        PendingExtension = e.ToExpiresAt == e.FromExpiresAt ? PendingExtension : null,
    };

    public Grant Apply(AccessRemoved e) => this with { Status = GrantStatus.Removed, PendingExtension = null };

    public Grant Apply(AccessExpired e) => this with { Status = GrantStatus.Expired, PendingExtension = null };

    public Grant Apply(AccessTerminated e) => this with { Status = GrantStatus.Terminated, PendingExtension = null };

    public Grant Apply(IEvent<AccessExtensionRequested> e) => this with
    {
        PendingExtension = new ExtensionRequest(e.Data.RequestId, e.Data.ToExpiresAt, e.Data.By, e.At(), e.Data.Reason),
    };

    public Grant Apply(AccessExtended e) => this with { ExpiresAt = e.ToExpiresAt, Generation = e.Generation, PendingExtension = null };

    public Grant Apply(AccessRenewed e) => this with { ExpiresAt = e.ToExpiresAt, Generation = e.Generation, PendingExtension = null };

    public Grant Apply(AccessExtensionDeclined e) => this with { PendingExtension = null };
}
