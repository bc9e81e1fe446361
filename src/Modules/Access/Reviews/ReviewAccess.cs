using Holded.Partners.Access.Replicas;

namespace Holded.Partners.Access.Reviews;

/// <summary>Who may run and read a firm's access reviews: its administrators. Anyone else outside the firm learns nothing.</summary>
public static class ReviewAccess
{
    public static ProblemDetails RequireAdministrator(AccessAccount? firm, Caller caller, string what = "firm")
    {
        if (firm is not { Kind: AccountKinds.Advisory } || !firm.IsMember(caller.UserId)) return Problems.NotFound(what);
        return firm.IsManagedBy(caller.UserId) ? Problems.None : Problems.Forbidden("Only the firm's administrators run and read its access reviews.");
    }

    /// <summary>A review and the firm it belongs to, as Access knows it now (one value: Wolverine binds by type).</summary>
    public static async Task<ReviewOfFirm?> LoadAsync(Guid reviewId, IQuerySession session, CancellationToken ct)
    {
        var review = await session.LoadAsync<AccessReview>(reviewId, ct);
        return review is null ? null : new ReviewOfFirm(review, await session.LoadAsync<AccessAccount>(review.PartnerAccountId, ct));
    }
}

public sealed record ReviewOfFirm(AccessReview Review, AccessAccount? Firm)
{
    public ProblemDetails Authorize(Caller caller) => ReviewAccess.RequireAdministrator(Firm, caller, "access review");
}
