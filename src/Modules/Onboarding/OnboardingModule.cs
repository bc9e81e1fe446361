using Holded.Partners.Onboarding.Accounts;
using Holded.Partners.Onboarding.Identity;
using Holded.Partners.Onboarding.Profiles;
using Holded.Partners.Onboarding.Program;
using Holded.Partners.Onboarding.Team;
using JasperFx.Events.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace Holded.Partners.Onboarding;

public static class OnboardingModule
{
    public const string Schema = "onboarding";

    /// <summary>Stored event names: the contract with every event already written. Add; never rename.</summary>
    private static readonly Dictionary<Type, string> EventNames = new()
    {
        [typeof(AccountRegistered)] = "onboarding.account_registered",
        [typeof(SubscriptionChanged)] = "onboarding.subscription_changed",
        [typeof(MemberJoined)] = "onboarding.member_joined",
        [typeof(MemberRoleChanged)] = "onboarding.member_role_changed",
        [typeof(MemberRemoved)] = "onboarding.member_removed",
        [typeof(MemberInvited)] = "onboarding.member_invited",
        [typeof(InvitationRevoked)] = "onboarding.invitation_revoked",
        [typeof(InvitationAccepted)] = "onboarding.invitation_accepted",
        [typeof(PartnerApplicationSubmitted)] = "onboarding.partner_application_submitted",
        [typeof(PartnerApplicationApproved)] = "onboarding.partner_application_approved",
        [typeof(PartnerApplicationRejected)] = "onboarding.partner_application_rejected",
        [typeof(ProfileDraftEdited)] = "onboarding.profile_draft_edited",
        [typeof(ProfileRevisionSubmitted)] = "onboarding.profile_revision_submitted",
        [typeof(ProfileRevisionApproved)] = "onboarding.profile_revision_approved",
        [typeof(ProfileRevisionRejected)] = "onboarding.profile_revision_rejected",
    };

    public static IServiceCollection AddOnboardingModule(this IServiceCollection services)
    {
        services.ConfigureMarten(opts =>
        {
            foreach (var (type, name) in EventNames) opts.Events.MapEventType(type, name);

            opts.Schema.For<Account>().DatabaseSchemaName(Schema).UniqueIndex(a => a.TaxId);
            opts.Schema.For<PartnerProfile>().DatabaseSchemaName(Schema);
            opts.Schema.For<TeamMember>().DatabaseSchemaName(Schema).Index(m => m.AccountId);
            opts.Schema.For<InvitationView>().DatabaseSchemaName(Schema).Index(i => i.AccountId);
            opts.Schema.For<UserMemberships>().DatabaseSchemaName(Schema);
            opts.Schema.For<PartnerApplicationView>().DatabaseSchemaName(Schema).Index(a => a.Status);
            opts.Schema.For<ProfileReview>().DatabaseSchemaName(Schema).Index(r => r.Status);

            // Aggregates are read on every command; snapshots keep that one row read.
            opts.Projections.Snapshot<Account>(SnapshotLifecycle.Inline);
            opts.Projections.Snapshot<PartnerProfile>(SnapshotLifecycle.Inline);

            // Read models are inline: authorization reads them, so they must never lag the events.
            opts.Projections.Add<TeamMemberProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<InvitationProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<UserMembershipsProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<PartnerApplicationProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<ProfileReviewProjection>(ProjectionLifecycle.Inline);
        });
        services.AddModuleDiscovery(typeof(OnboardingModule).Assembly);
        return services;
    }
}
