using Holded.Partners.Onboarding.Accounts;

namespace Holded.Partners.Onboarding.Profiles;

public sealed record ProfileView(
    Guid AccountId, ProfileContent Draft, Revision? Pending, Revision? Published, Rejection? LastRejection, string? Slug,
    string Status, DateTimeOffset UpdatedAt, long Version)
{
    public static ProfileView Of(PartnerProfile p) => new(p.AccountId, p.Draft, p.Pending, p.Published, p.LastRejection, p.Slug,
        p.Pending is not null ? "pending_review" : p.Published is null ? "draft" : p.Draft.SameAs(p.Published.Content) ? "published" : "published_with_changes",
        p.UpdatedAt, p.Version);
}

/// <summary>The firm's own view of its profile: draft, revision under review, published revision, last rejection.</summary>
public static class GetProfileEndpoint
{
    public static Task<(Account?, PartnerProfile?)> LoadAsync(Guid accountId, IQuerySession session, CancellationToken ct) =>
        ProfileAccess.LoadAsync(accountId, session, ct);

    public static ProblemDetails Validate(Account? account, PartnerProfile? profile, Caller caller)
    {
        if (account is null) return Problems.NotFound("partner profile");
        var access = AccountAccess.RequireMemberOrStaff(account, caller, "partner profile");
        return access.Status is not null ? access : profile is null ? Problems.NotFound("partner profile") : Problems.None;
    }

    [WolverineGet("/api/v1/partners/{accountId}/profile")]
    public static ProfileView Get(PartnerProfile profile) => ProfileView.Of(profile);
}
