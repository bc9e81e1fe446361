using Holded.Partners.Access.Replicas;
using Holded.Partners.Kernel;
using Marten;
using OnboardingContract = Holded.Partners.Contracts.Onboarding;
using Collaborations = Holded.Partners.Contracts.Collaboration;

namespace Holded.Partners.Access.Tests;

/// <summary>
/// Access's copies of accounts and collaborations keep, per fact, the newest version of the source stream heard: a late
/// or repeated message never undoes a newer one, and the clocks of the nodes that sent them do not matter.
/// </summary>
public class ReplicaOrderTests(PartnersApp app) : AppTest(app)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private async Task Apply(Func<IDocumentSession, Task> apply)
    {
        await using var session = App.Store.LightweightSession();
        await apply(session);
        await session.SaveChangesAsync();
    }

    private async Task<T> Load<T>(Guid id) where T : notnull
    {
        await using var session = App.Store.QuerySession();
        return (await session.LoadAsync<T>(id))!;
    }

    [Fact]
    public async Task a_removal_sent_by_a_node_whose_clock_is_behind_still_removes()
    {
        var firm = Guid.NewGuid();
        await Apply(s => AccountReplication.Apply<AccessAccount>(s, new OnboardingContract.MemberJoined(firm, "advisory", "ana", "ana@x.es", "Ana", "administrator", Now, 2)));
        await Apply(s => AccountReplication.Apply<AccessAccount>(s, new OnboardingContract.MemberRoleChanged(firm, "ana", "administrator", "account_manager", "boss", Now.AddMinutes(5), 3)));
        await Apply(s => AccountReplication.Apply<AccessAccount>(s, new OnboardingContract.MemberRemoved(firm, "ana", "ana@x.es", "boss", Now.AddMinutes(-5), 4)));
        (await Load<AccessAccount>(firm)).IsMember("ana").ShouldBeFalse();

        // The older messages heard again, late: the removal stands.
        await Apply(s => AccountReplication.Apply<AccessAccount>(s, new OnboardingContract.MemberRoleChanged(firm, "ana", "administrator", "account_manager", "boss", Now.AddHours(1), 3)));
        await Apply(s => AccountReplication.Apply<AccessAccount>(s, new OnboardingContract.MemberJoined(firm, "advisory", "ana", "ana@x.es", "Ana", "administrator", Now.AddHours(1), 2)));
        (await Load<AccessAccount>(firm)).IsMember("ana").ShouldBeFalse();
    }

    [Fact]
    public async Task a_downgrade_heard_before_an_older_upgrade_stays()
    {
        var business = Guid.NewGuid();
        await Apply(s => AccountReplication.Apply<AccessAccount>(s, new OnboardingContract.SubscriptionChanged(business, "business", "active", "free", Now.AddMinutes(-5), 5)));
        await Apply(s => AccountReplication.Apply<AccessAccount>(s, new OnboardingContract.SubscriptionChanged(business, "business", "active", "premium", Now.AddMinutes(5), 4)));
        (await Load<AccessAccount>(business)).Plan.ShouldBe("free");
    }

    [Fact]
    public async Task an_unassignment_sent_by_a_node_whose_clock_is_behind_still_unassigns()
    {
        var (collaboration, client, firm) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await Apply(s => CollaborationReplication.Apply<AccessCollaboration>(s, new Collaborations.CollaborationStarted(collaboration, Guid.NewGuid(), Guid.NewGuid(), client, firm, Now, 1)));
        await Apply(s => CollaborationReplication.Apply<AccessCollaboration>(s, new Collaborations.ManagerAssigned(collaboration, firm, client, "marta", "boss", Now.AddMinutes(5), 2)));
        await Apply(s => CollaborationReplication.Apply<AccessCollaboration>(s, new Collaborations.ManagerUnassigned(collaboration, firm, client, "marta", "unassigned", Now.AddMinutes(-5), 3)));
        (await Load<AccessCollaboration>(collaboration)).IsManager("marta").ShouldBeFalse();
        await Apply(s => CollaborationReplication.Apply<AccessCollaboration>(s, new Collaborations.ManagerAssigned(collaboration, firm, client, "marta", "boss", Now.AddHours(1), 2)));
        (await Load<AccessCollaboration>(collaboration)).IsManager("marta").ShouldBeFalse();
    }

    [Fact]
    public async Task messages_of_one_command_build_on_each_other_in_its_transaction()
    {
        var (collaboration, client, firm) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await Apply(async s =>
        {
            await CollaborationReplication.Apply<AccessCollaboration>(s, new Collaborations.CollaborationStarted(collaboration, Guid.NewGuid(), Guid.NewGuid(), client, firm, Now, 1));
            await CollaborationReplication.Apply<AccessCollaboration>(s, new Collaborations.ManagerAssigned(collaboration, firm, client, "marta", "boss", Now, 2));
            await CollaborationReplication.Apply<AccessCollaboration>(s, new Collaborations.ManagerAssigned(collaboration, firm, client, "luis", "boss", Now, 3));
        });
        var both = await Load<AccessCollaboration>(collaboration);
        both.IsManager("marta").ShouldBeTrue();
        both.IsManager("luis").ShouldBeTrue();
    }
}
