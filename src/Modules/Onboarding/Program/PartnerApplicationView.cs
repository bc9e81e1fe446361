using Holded.Partners.Onboarding.Accounts;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Holded.Partners.Onboarding.Program;

public static class ApplicationStatus
{
    public const string Pending = "pending";
    public const string Approved = Contract.ApplicationOutcomes.Approved;
    public const string Rejected = Contract.ApplicationOutcomes.Rejected;
    public static readonly IReadOnlyList<string> All = [Pending, Approved, Rejected];
}

/// <summary>A partner application as reviewers and the firm see it: the reviewers' queue is the pending ones.</summary>
public sealed record PartnerApplicationView(
    Guid Id, Guid AccountId, string LegalName, string TaxId, string? AdvisoryType, string? Message, string Status,
    string SubmittedBy, DateTimeOffset SubmittedAt, string? ReviewedBy, DateTimeOffset? ReviewedAt, string? RejectionReason);

public sealed class PartnerApplicationProjection : MultiStreamProjection<PartnerApplicationView, Guid>
{
    public PartnerApplicationProjection()
    {
        Identity<PartnerApplicationSubmitted>(e => e.ApplicationId);
        Identity<PartnerApplicationApproved>(e => e.ApplicationId);
        Identity<PartnerApplicationRejected>(e => e.ApplicationId);
    }

    public PartnerApplicationView Create(IEvent<PartnerApplicationSubmitted> e) => new(
        e.Data.ApplicationId, e.Data.AccountId, e.Data.LegalName, e.Data.TaxId, e.Data.AdvisoryType, e.Data.Message,
        ApplicationStatus.Pending, e.Data.SubmittedBy, e.At(), null, null, null);

    public PartnerApplicationView Apply(IEvent<PartnerApplicationApproved> e, PartnerApplicationView view) =>
        view with { Status = ApplicationStatus.Approved, ReviewedBy = e.Data.ReviewedBy, ReviewedAt = e.At() };

    public PartnerApplicationView Apply(IEvent<PartnerApplicationRejected> e, PartnerApplicationView view) => view with
    {
        Status = ApplicationStatus.Rejected, ReviewedBy = e.Data.ReviewedBy, ReviewedAt = e.At(),
        RejectionReason = e.Data.Reason,
    };
}
