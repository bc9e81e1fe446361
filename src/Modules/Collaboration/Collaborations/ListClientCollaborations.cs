using Holded.Partners.Collaboration.Accounts;

namespace Holded.Partners.Collaboration.Collaborations;

/// <summary>The client's view: the firms it collaborates (or collaborated) with.</summary>
public static class ListClientCollaborationsEndpoint
{
    public static Task<CollaborationAccount?> LoadAsync(Guid accountId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<CollaborationAccount>(accountId, ct);

    public static ProblemDetails Validate(CollaborationAccount? account, string? status, int? page, int? pageSize, Caller caller)
    {
        if (account is null || !account.IsMember(caller.UserId)) return Problems.NotFound("client");
        return new Check().OneOf("status", status, CollaborationStatus.All, required: false).PageOf(page, pageSize).Result();
    }

    [WolverineGet("/api/v1/clients/{accountId}/collaborations")]
    public static Task<Page<CollaborationView>> Get(
        Guid accountId, string? status, int? page, int? pageSize, IQuerySession session, CancellationToken ct)
    {
        var query = session.Query<CollaborationView>().Where(c => c.ClientAccountId == accountId);
        if (status is not null) query = query.Where(c => c.Status == status);
        return query.OrderByDescending(c => c.Since).ToPageAsync(page, pageSize, ct);
    }
}
