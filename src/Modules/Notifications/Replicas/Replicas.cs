namespace Holded.Partners.Notifications.Replicas;

/// <summary>Notifications' own copy of an account: who its members are, their roles and emails.</summary>
public sealed class NotificationAccount : AccountReplica;

/// <summary>Notifications' own copy of a collaboration: active or not, and who manages it.</summary>
public sealed class NotificationCollaboration : CollaborationReplica;

/// <summary>Kept in the transaction of each change they copy: news is sent to the people who reach it when it is told.</summary>
[InSendersTransaction]
public static class NotificationReplication
{
    public static Task Handle(Onboarding.AccountOpened m, IDocumentSession s) => AccountReplication.Apply<NotificationAccount>(s, m);
    public static Task Handle(Onboarding.MemberJoined m, IDocumentSession s) => AccountReplication.Apply<NotificationAccount>(s, m);
    public static Task Handle(Onboarding.MemberRoleChanged m, IDocumentSession s) => AccountReplication.Apply<NotificationAccount>(s, m);
    public static Task Handle(Onboarding.MemberRemoved m, IDocumentSession s) => AccountReplication.Apply<NotificationAccount>(s, m);

    public static Task Handle(Collaborations.CollaborationStarted m, IDocumentSession s) => CollaborationReplication.Apply<NotificationCollaboration>(s, m);
    public static Task Handle(Collaborations.CollaborationEnded m, IDocumentSession s) => CollaborationReplication.Apply<NotificationCollaboration>(s, m);
    public static Task Handle(Collaborations.ManagerAssigned m, IDocumentSession s) => CollaborationReplication.Apply<NotificationCollaboration>(s, m);
    public static Task Handle(Collaborations.ManagerUnassigned m, IDocumentSession s) => CollaborationReplication.Apply<NotificationCollaboration>(s, m);
}
