using System.Reflection;
using JasperFx.CodeGeneration.Frames;
using JasperFx.CodeGeneration.Model;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Configuration;
using JasperFx.Events;
using Marten;

namespace Holded.Partners.Kernel;

/// <summary>
/// The answer of a write endpoint: the aggregate being written (<typeparamref name="TAggregate"/>, loaded by
/// <c>[Aggregate]</c>/<c>[WriteAggregate]</c>) fetched again once the transaction has committed, as
/// <c>UpdatedAggregate&lt;T&gt;</c> does, then shown in the endpoint's public shape by its
/// <c>public static TView Answer(TAggregate aggregate, …)</c> (the same mapping its GET uses; other parameters are
/// bound by name from the route, the query or the command, or by type). An <c>Answer</c> that does not take the
/// aggregate reads the inline view it answers with itself (it may be async), still after the commit. Without an
/// <c>Answer</c> method the aggregate itself is the answer. So the body is what was committed, timestamps included
/// (they are the events'), never a prediction.
/// </summary>
public sealed class Committed<TAggregate> : IResponseAware where TAggregate : class
{
    public const string AnswerMethod = "Answer";

    public static void ConfigureResponse(IChain chain)
    {
        // Read after the commit. The aggregate workflow ([Aggregate]/[WriteAggregate]) has placed its commit already;
        // a stream loaded by a Load method is committed by the transaction policy, which places its commit later: then
        // commit here (the events, what Tell applied, the outbox's messages, in one transaction) and read after it
        // (the policy's own SaveChangesAsync then finds nothing left to do).
        if (!chain.Postprocessors.OfType<MethodCall>().Any(m => m.Method.Name == nameof(IDocumentSession.SaveChangesAsync)))
            chain.Postprocessors.Add(new MethodCall(typeof(Committed<TAggregate>), nameof(CommitAsync)));

        // The stream variable (IEventStream<TAggregate>) is bound by its type: the one [Aggregate]/[WriteAggregate] or a Load method loaded.
        var latest = new MethodCall(typeof(Committed<TAggregate>), nameof(LatestAsync));

        var endpoint = chain.HandlerCalls().First().HandlerType;
        var answer = endpoint.GetMethod(AnswerMethod, BindingFlags.Public | BindingFlags.Static);
        if (answer is null)
        {
            chain.UseForResponse(latest);
            return;
        }

        var call = new MethodCall(endpoint, answer);
        var parameters = answer.GetParameters();
        var readsAggregate = false;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (parameter.ParameterType == typeof(TAggregate))
            {
                call.Arguments[i] = latest.ReturnVariable!;
                readsAggregate = true;
            }
            else if (parameter.ParameterType == typeof(Guid) || parameter.ParameterType == typeof(string))
            {
                // Route values and command members, by name; services and the rest are bound by type as usual.
                if (chain.TryFindVariable(parameter.Name!, ValueSource.Anything, parameter.ParameterType, out Variable found))
                    call.Arguments[i] = found;
            }
        }
        if (readsAggregate) chain.Postprocessors.Add(latest);
        chain.UseForResponse(call);
    }

    public static Task CommitAsync(IDocumentSession session, CancellationToken ct) => session.SaveChangesAsync(ct);

    public static async Task<TAggregate> LatestAsync(IEventStream<TAggregate> stream, IDocumentSession session, CancellationToken ct) =>
        await session.Events.FetchLatest<TAggregate>(stream.Id, ct)
        ?? throw new InvalidOperationException($"{typeof(TAggregate).Name} {stream.Id} vanished after its own write.");
}
