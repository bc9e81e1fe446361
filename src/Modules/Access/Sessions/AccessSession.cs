using JasperFx.Events;

namespace Holded.Partners.Access.Sessions;

/// <param name="JustInTimeRequestId">The just-in-time access the session was opened through, when the member is not assigned to the client.</param>
public sealed record SessionOpened(
    Guid SessionId, Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string UserId, string Role,
    IReadOnlyDictionary<string, string> Permissions, DateTimeOffset ExpiresAt, Guid? JustInTimeRequestId = null);

/// <summary>A member asked to enter a client's account and was refused: recorded for the audit trail.</summary>
public sealed record SessionRefused(Guid AttemptId, Guid ClientAccountId, Guid? PartnerAccountId, Guid? CollaborationId, string UserId, string Reason);

/// <summary>An access session: who entered which client's account, with which permissions, until when.</summary>
public sealed record AccessSession(
    Guid Id, Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string UserId, string Role,
    IReadOnlyDictionary<string, string> Permissions, DateTimeOffset OpenedAt, DateTimeOffset ExpiresAt, Guid? JustInTimeRequestId = null)
{
    public long Version { get; set; }

    public static AccessSession Create(IEvent<SessionOpened> e) => new(
        e.Data.SessionId, e.Data.CollaborationId, e.Data.ClientAccountId, e.Data.PartnerAccountId, e.Data.UserId, e.Data.Role,
        e.Data.Permissions, e.At(), e.Data.ExpiresAt, e.Data.JustInTimeRequestId);
}
