using Holded.Partners.Notifications.Inbox;
using Holded.Partners.Notifications.Replicas;
using Holded.Partners.Notifications.Settings;

namespace Holded.Partners.Notifications.Sources;

/// <summary>A collaboration starting or ending, for both sides; an assignment, for the manager; a KPI rising, for those who chose it.</summary>
public static class CollaborationNewsHandler
{
    public static async Task<OutgoingMessages> Handle(Collaborations.CollaborationStarted m, IDocumentSession session)
    {
        var (client, firm) = await Audience.AccountsAsync(session, m.ClientAccountId, m.PartnerAccountId);
        return await Deliver.ToAsync(session, Audience.Members(client).Concat(Audience.Managers(firm)), new News(
            "collaboration_accepted", m.CollaborationId.ToString(),
            $"{firm?.Name} y {client?.Name} ya colaboráis.", $"{firm?.Name} and {client?.Name} now work together.",
            $"/api/v1/collaborations/{m.CollaborationId}"));
    }

    public static async Task<OutgoingMessages> Handle(Collaborations.CollaborationEnded m, IDocumentSession session)
    {
        var (client, firm) = await Audience.AccountsAsync(session, m.ClientAccountId, m.PartnerAccountId);
        // The managers the end unassigned hear of it too.
        var managers = firm?.Current.Where(member => m.Managers.Contains(member.UserId)).Select(member => new Recipient(member.UserId, member.Email)) ?? [];
        return await Deliver.ToAsync(session, Audience.Members(client).Concat(Audience.Managers(firm)).Concat(managers), new News(
            "collaboration_ended", m.CollaborationId.ToString(),
            $"La colaboración entre {firm?.Name} y {client?.Name} ha terminado: {m.Reason}",
            $"The collaboration between {firm?.Name} and {client?.Name} has ended: {m.Reason}",
            $"/api/v1/collaborations/{m.CollaborationId}"));
    }

    public static async Task<OutgoingMessages> Handle(Collaborations.ManagerAssigned m, IDocumentSession session)
    {
        var (client, firm) = await Audience.AccountsAsync(session, m.ClientAccountId, m.PartnerAccountId);
        return firm?.Member(m.UserId) is not { } member ? [] : await Deliver.ToAsync(session, [new Recipient(member.UserId, member.Email)], new News(
            "manager_assigned", $"{m.CollaborationId}|{m.UserId}|{m.At.UtcTicks}",
            $"Ahora gestionas a {client?.Name}.", $"You now manage {client?.Name}.",
            $"/api/v1/collaborations/{m.CollaborationId}", m.PartnerAccountId));
    }

    // Unassigned because the member left the firm or the collaboration ended: the end speaks for itself. By an access
    // review: the manager is told it was the review, since no one may have told them otherwise.
    public static async Task<OutgoingMessages> Handle(Collaborations.ManagerUnassigned m, IDocumentSession session)
    {
        if (m.Reason is not (Collaborations.UnassignReasons.Unassigned or Collaborations.UnassignReasons.AccessReview)) return [];
        var (client, firm) = await Audience.AccountsAsync(session, m.ClientAccountId, m.PartnerAccountId);
        var reviewed = m.Reason == Collaborations.UnassignReasons.AccessReview;
        return firm?.Member(m.UserId) is not { } member ? [] : await Deliver.ToAsync(session, [new Recipient(member.UserId, member.Email)], new News(
            "manager_unassigned", $"{m.CollaborationId}|{m.UserId}|{m.At.UtcTicks}",
            reviewed ? $"La revisión de accesos de tu asesoría retiró tu asignación: ya no gestionas a {client?.Name}." : $"Ya no gestionas a {client?.Name}.",
            reviewed ? $"Your firm's access review removed your assignment: you no longer manage {client?.Name}." : $"You no longer manage {client?.Name}.",
            $"/api/v1/collaborations/{m.CollaborationId}", m.PartnerAccountId));
    }

    /// <summary>
    /// A KPI rose in a shared section: each firm member who reaches the client, may read that section (Access decides)
    /// and has that KPI on for this client hears of it: once, updated with each further rise until they read it.
    /// </summary>
    public static async Task<OutgoingMessages> Handle(Collaborations.PendingWorkChanged m, IDocumentSession session, IMessageBus bus, CancellationToken ct)
    {
        if (!m.Shared || m.Pending <= m.PreviousPending) return [];
        var working = await session.Query<NotificationCollaboration>().Where(c => c.ClientAccountId == m.ClientAccountId && !c.Ended).ToListAsync(ct);
        var mail = new OutgoingMessages();
        foreach (var collaboration in working.Where(c => c.Active))
        {
            var (client, firm) = await Audience.AccountsAsync(session, m.ClientAccountId, collaboration.PartnerAccountId);
            // Who may read the section, asked of Access once for the firm's side; their settings read at once.
            var members = Audience.FirmSide(firm, collaboration).DistinctBy(r => r.UserId).ToList();
            var access = (await bus.InvokeAsync<Access.MembersAccess>(new Access.AskMembersAccess(
                [.. members.Select(r => new Access.AskMemberAccess(r.UserId!, m.ClientAccountId, collaboration.Id))]), ct)).Answers;
            var settings = (await session.LoadManyAsync<NotificationSettings>(ct, members.Select(r => NotificationSettings.IdFor(r.UserId!))))
                .ToDictionary(s => s.UserId);
            var hearing = members.Where((member, i) => access[i].Sections[m.Section].Level != Access.Levels.None
                && (settings.GetValueOrDefault(member.UserId!) ?? NotificationSettings.Default(member.UserId!)).Notifies(m.Kpi, m.ClientAccountId)).ToList();
            mail.AddRange(await Deliver.UpdatingAsync(session, hearing, new News(
                "kpi_rise", $"{m.ClientAccountId}|{m.Section}",
                $"{client?.Name}: {m.Pending} pendientes en «{Labels.Of(m.Kpi, Language.Spanish)}» (antes {m.PreviousPending}).",
                $"{client?.Name}: {m.Pending} pending in “{Labels.Of(m.Kpi, Language.English)}” (was {m.PreviousPending}).",
                $"/api/v1/collaborations/{collaboration.Id}/pending-work", m.ClientAccountId), $"{m.ClientAccountId}|{m.Section}", m.Version));
        }
        return mail;
    }
}
