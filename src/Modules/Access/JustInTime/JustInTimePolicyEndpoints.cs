using JasperFx.Events;
using Holded.Partners.Access.Replicas;

namespace Holded.Partners.Access.JustInTime;

public sealed record SetJustInTimePolicy(bool? RequireClientApproval);

public sealed record JustInTimePolicyView(Guid ClientAccountId, bool RequireClientApproval);

/// <summary>The client's setting, read by its members.</summary>
public static class GetJustInTimePolicyEndpoint
{
    public static Task<AccessAccount?> LoadAsync(Guid accountId, IQuerySession session, CancellationToken ct) => session.LoadAsync<AccessAccount>(accountId, ct);

    public static ProblemDetails Validate(AccessAccount? account, Caller caller) =>
        account is { Kind: AccountKinds.Business } && account.IsMember(caller.UserId) ? Problems.None : Problems.NotFound("client");

    [WolverineGet("/api/v1/clients/{accountId}/just-in-time-policy")]
    public static async Task<JustInTimePolicyView> Get(Guid accountId, IQuerySession session, CancellationToken ct) =>
        new(accountId, (await session.LoadAsync<JustInTimePolicy>(JustInTimePolicy.IdFor(accountId), ct))?.RequireClientApproval == true);
}

/// <summary>
/// The client's owners and admins decide whether just-in-time access to their account needs their approval too (not by
/// default). Requests already asked keep the setting they were asked under.
/// </summary>
public static class SetJustInTimePolicyEndpoint
{
    public static async Task<(IEventStream<JustInTimePolicy>, AccessAccount?)> LoadAsync(Guid accountId, IDocumentSession session, CancellationToken ct) =>
        (await session.Events.FetchForWriting<JustInTimePolicy>(JustInTimePolicy.IdFor(accountId), ct), await session.LoadAsync<AccessAccount>(accountId, ct));

    public static ProblemDetails Validate(SetJustInTimePolicy command, AccessAccount? account, Caller caller)
    {
        if (account is not { Kind: AccountKinds.Business } || !account.IsMember(caller.UserId)) return Problems.NotFound("client");
        if (!account.IsManagedBy(caller.UserId)) return Problems.Forbidden("The client's owners and admins set how just-in-time access is approved.");
        return new Check().That(command.RequireClientApproval is not null, "requireClientApproval", "is required: true or false.").Result();
    }

    [WolverinePut("/api/v1/clients/{accountId}/just-in-time-policy")]
    public static JustInTimePolicyView Put(Guid accountId, SetJustInTimePolicy command, IEventStream<JustInTimePolicy> stream, Caller caller)
    {
        var wanted = command.RequireClientApproval!.Value;
        // Saying again what is already so records nothing.
        if ((stream.Aggregate?.RequireClientApproval ?? false) != wanted)
            stream.AppendOne(new JustInTimePolicySet(accountId, wanted, caller.UserId));
        return new JustInTimePolicyView(accountId, wanted);
    }
}
