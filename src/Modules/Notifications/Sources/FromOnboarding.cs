using Holded.Partners.Notifications.Inbox;
using Holded.Partners.Notifications.Replicas;

namespace Holded.Partners.Notifications.Sources;

/// <summary>The program's outcomes for a firm's administrators, and invitations for the invited person.</summary>
public static class OnboardingNewsHandler
{
    public static async Task<OutgoingMessages> Handle(Onboarding.PartnerApplicationDecided m, IDocumentSession session)
    {
        var approved = m.Outcome == Onboarding.ApplicationOutcomes.Approved;
        return await Deliver.ToAsync(session, Audience.Managers(await session.LoadAsync<NotificationAccount>(m.AccountId)), new News(
            "application_decided", m.ApplicationId.ToString(),
            approved ? "Vuestra solicitud al programa de partners ha sido aprobada." : $"Vuestra solicitud al programa de partners ha sido rechazada: {m.Reason}",
            approved ? "Your partner program application was approved." : $"Your partner program application was rejected: {m.Reason}",
            $"/api/v1/partner-applications/{m.ApplicationId}", m.AccountId));
    }

    public static async Task<OutgoingMessages> Handle(Onboarding.PartnerProfilePublished m, IDocumentSession session) =>
        await Deliver.ToAsync(session, Audience.Managers(await session.LoadAsync<NotificationAccount>(m.AccountId)), new News(
            "profile_published", m.RevisionId.ToString(),
            "Vuestro perfil revisado ya está publicado.", "Your reviewed profile is now published.",
            $"/api/v1/partners/{m.AccountId}/profile", m.AccountId));

    public static async Task<OutgoingMessages> Handle(Onboarding.ProfileRevisionRejected m, IDocumentSession session) =>
        await Deliver.ToAsync(session, Audience.Managers(await session.LoadAsync<NotificationAccount>(m.AccountId)), new News(
            "profile_rejected", m.RevisionId.ToString(),
            $"Los cambios de vuestro perfil han sido rechazados: {m.Reason}", $"Your profile changes were rejected: {m.Reason}",
            $"/api/v1/partners/{m.AccountId}/profile", m.AccountId));

    // The invited person may have no account yet: the notification waits for whoever signs in with that verified email.
    public static async Task<OutgoingMessages> Handle(Onboarding.MemberInvited m, IDocumentSession session)
    {
        var account = await session.LoadAsync<NotificationAccount>(m.AccountId);
        var name = account?.Name ?? "una cuenta";
        return await Deliver.ToAsync(session, [new Recipient(null, m.Email.Trim().ToLowerInvariant())], new News(
            "invitation", m.InvitationId.ToString(),
            $"Te han invitado a {name} como {Labels.Of(m.Role, Language.Spanish)}.", $"You were invited to {account?.Name ?? "an account"} as {Labels.Of(m.Role, Language.English)}.",
            $"/api/v1/invitations/{m.InvitationId}", m.AccountId));
    }
}
