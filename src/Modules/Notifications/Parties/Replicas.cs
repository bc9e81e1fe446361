namespace Holded.Partners.Notifications.Parties;

/// <summary>Notifications' own copy of an account: who its members are, their roles and emails.</summary>
public sealed class NotificationAccount : AccountReplica;

/// <summary>Notifications' own copy of a collaboration: active or not, and who manages it.</summary>
public sealed class NotificationCollaboration : CollaborationReplica;

[OneAtATime]
public static class NotificationAccountHandler
{
    public static Task Handle(Onboarding.AccountOpened m, IDocumentSession s) => AccountReplication.Apply<NotificationAccount>(s, m);
    public static Task Handle(Onboarding.MemberJoined m, IDocumentSession s) => AccountReplication.Apply<NotificationAccount>(s, m);
    public static Task Handle(Onboarding.MemberRoleChanged m, IDocumentSession s) => AccountReplication.Apply<NotificationAccount>(s, m);
    public static Task Handle(Onboarding.MemberRemoved m, IDocumentSession s) => AccountReplication.Apply<NotificationAccount>(s, m);
}

[OneAtATime]
public static class NotificationCollaborationHandler
{
    public static Task Handle(Collaborations.CollaborationStarted m, IDocumentSession s) => CollaborationReplication.Apply<NotificationCollaboration>(s, m);
    public static Task Handle(Collaborations.CollaborationEnded m, IDocumentSession s) => CollaborationReplication.Apply<NotificationCollaboration>(s, m);
    public static Task Handle(Collaborations.ManagerAssigned m, IDocumentSession s) => CollaborationReplication.Apply<NotificationCollaboration>(s, m);
    public static Task Handle(Collaborations.ManagerUnassigned m, IDocumentSession s) => CollaborationReplication.Apply<NotificationCollaboration>(s, m);
}
